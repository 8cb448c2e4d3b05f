namespace Cairn.Domain.People;

/// <summary>
/// People living together. An incident recorded against a household concerns every child in it, so
/// it reaches each child's chronology (L03, L06). Moving out closes a membership with a date; it is
/// never removed, so who lived with a child, and when, can still be seen (L44).
/// </summary>
public sealed class Household
{
    public const int MaxNameLength = 200;

    /// <summary>The message for a stale version, also used when the database catches the race.</summary>
    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this household");

    private readonly List<HouseholdMember> _members = [];

    private Household()
    {
        Name = "";
    }

    public HouseholdId Id { get; private set; }
    public AreaId AreaId { get; private set; }
    public string Name { get; private set; }
    public IReadOnlyList<HouseholdMember> Members => _members;
    /// <summary>Optimistic concurrency: every join and move-out moves it on; a change based on an older version is refused.</summary>
    public int Version { get; private set; }

    public static Household Create(AreaId area, string name) => new() { Id = HouseholdId.New(), AreaId = area, Name = name.Trim(), Version = 1 };

    /// <summary>A new household, named so professionals can tell it from others, with its first member.</summary>
    public static Outcome<Household> Start(AreaId area, string name, PersonId firstMember, DateOnly joinedOn, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Refusal.Of("NewHouseholdName", "Enter a name for the new household, for example the family name and street");
        }

        if (name.Trim().Length > MaxNameLength)
        {
            return Refusal.Of("NewHouseholdName", $"The household name must be {MaxNameLength} characters or fewer");
        }

        var household = Create(area, name);
        if (household.Join(firstMember, joinedOn, today) is { } refusal)
        {
            return refusal;
        }

        return Outcome<Household>.Success(household);
    }

    public IEnumerable<PersonId> MembersOn(DateOnly date) =>
        _members.Where(m => m.IsCurrentOn(date)).Select(m => m.PersonId);

    public bool IsCurrentMember(PersonId person) => _members.Any(m => m.PersonId == person && m.LeftOn is null);

    public Refusal? Join(PersonId person, DateOnly on, DateOnly today)
    {
        if (on > today)
        {
            return Refusal.Of("JoinedOn", "The date they moved in must be today or in the past");
        }

        if (IsCurrentMember(person))
        {
            return Refusal.Of("PersonId", "This person is already a member of the household");
        }

        if (_members.Any(m => m.PersonId == person && m.LeftOn >= on))
        {
            return Refusal.Of("JoinedOn", "The date they moved in must be after the date they last moved out");
        }

        _members.Add(new HouseholdMember(person, on));
        Version++;
        return null;
    }

    public Refusal? Leave(PersonId person, DateOnly on, int expectedVersion, DateOnly today)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        var member = _members.FirstOrDefault(m => m.PersonId == person && m.LeftOn is null);
        if (member is null)
        {
            return Refusal.Of("PersonId", "This person is not a current member of the household");
        }

        if (on > today)
        {
            return Refusal.Of("LeftOn", "The date they moved out must be today or in the past");
        }

        if (on < member.JoinedOn)
        {
            return Refusal.Of("LeftOn", "The date they left must be the same as or after the date they joined");
        }

        // Membership history is kept: the membership is closed, not removed.
        member.Close(on);
        Version++;
        return null;
    }
}

/// <summary>One stay in a household: from the day they moved in to the day they moved out (both inclusive).</summary>
public sealed class HouseholdMember
{
    internal HouseholdMember(PersonId personId, DateOnly joinedOn)
    {
        PersonId = personId;
        JoinedOn = joinedOn;
    }

    public PersonId PersonId { get; private set; }
    public DateOnly JoinedOn { get; private set; }
    public DateOnly? LeftOn { get; private set; }

    public bool IsCurrentOn(DateOnly date) => JoinedOn <= date && (LeftOn is null || LeftOn >= date);

    internal void Close(DateOnly on) => LeftOn = on;
}
