namespace Cairn.Domain.People;

/// <summary>
/// People living together. An incident recorded against a household concerns every child in it, so
/// it reaches each child's chronology (L03, L06).
/// </summary>
public sealed class Household
{
    private readonly List<HouseholdMember> _members = [];

    private Household()
    {
        Name = "";
    }

    public HouseholdId Id { get; private set; }
    public AreaId AreaId { get; private set; }
    public string Name { get; private set; }
    public IReadOnlyList<HouseholdMember> Members => _members;

    public static Household Create(AreaId area, string name) => new() { Id = HouseholdId.New(), AreaId = area, Name = name.Trim() };

    public IEnumerable<PersonId> MembersOn(DateOnly date) =>
        _members.Where(m => m.JoinedOn <= date && (m.LeftOn is null || m.LeftOn >= date)).Select(m => m.PersonId);

    public Refusal? Join(PersonId person, DateOnly on)
    {
        if (_members.Any(m => m.PersonId == person && m.LeftOn is null))
        {
            return Refusal.Of("PersonId", "This person is already a member of the household");
        }

        _members.Add(new HouseholdMember(person, on, null));
        return null;
    }

    public Refusal? Leave(PersonId person, DateOnly on)
    {
        var index = _members.FindIndex(m => m.PersonId == person && m.LeftOn is null);
        if (index < 0)
        {
            return Refusal.Of("PersonId", "This person is not a current member of the household");
        }

        var member = _members[index];
        if (on < member.JoinedOn)
        {
            return Refusal.Of("LeftOn", "The date they left must be the same as or after the date they joined");
        }

        // Membership history is kept: the row is closed, not removed.
        _members[index] = member with { LeftOn = on };
        return null;
    }
}

public sealed record HouseholdMember(PersonId PersonId, DateOnly JoinedOn, DateOnly? LeftOn);
