namespace Cairn.Domain.Children;

/// <summary>
/// The rules of the team around the child (L19): every open child (one with any current involvement)
/// has exactly one lead professional. Built over the child's involvements; changes go through here so
/// the rule cannot be broken by a single edit.
/// </summary>
public sealed class TeamAroundChild
{
    private readonly List<Involvement> _involvements;
    private readonly PersonId _child;

    public TeamAroundChild(PersonId child, IEnumerable<Involvement> involvements)
    {
        _child = child;
        _involvements = involvements.Where(i => i.ChildId == child).ToList();
    }

    public IReadOnlyList<Involvement> Involvements => _involvements;

    public IEnumerable<Involvement> CurrentOn(DateOnly date) => _involvements.Where(i => i.IsCurrentOn(date));

    public Involvement? LeadOn(DateOnly date) => CurrentOn(date).SingleOrDefault(i => i.IsLeadProfessional);

    /// <summary>
    /// Involvements that carry on after <paramref name="date"/>. An involvement ended on a day still counts as
    /// current that day (its professional can finish their recording), but the lead-professional rule is about
    /// who is there from then on, so it is checked against these.
    /// </summary>
    public IEnumerable<Involvement> ContinuingAfter(DateOnly date) =>
        _involvements.Where(i => i.StartedOn <= date && (i.EndedOn is null || i.EndedOn > date));

    /// <summary>
    /// Adds an involvement. The first current involvement becomes the lead professional whether asked or
    /// not; asking for a new lead moves the role from the previous one.
    /// </summary>
    public Outcome<Involvement> Add(ProfessionalId professional, AgencyId agency, InvolvementRole role, DateOnly startedOn,
        bool makeLead, ProfessionalId by, DateOnly today)
    {
        if (!Enum.IsDefined(role))
        {
            return Refusal.Of("Role", "Select the professional's role with the child");
        }

        if (startedOn > today)
        {
            return Refusal.Of("StartedOn", "The start date must be today or in the past");
        }

        if (ContinuingAfter(today).Any(i => i.ProfessionalId == professional && i.Role == role))
        {
            return Refusal.Of("ProfessionalId", "This professional is already involved with the child in that role");
        }

        var current = ContinuingAfter(today).ToList();
        var isLead = makeLead || current.Count == 0;
        if (isLead)
        {
            foreach (var other in current.Where(i => i.IsLeadProfessional))
            {
                other.IsLeadProfessional = false;
                other.Version++;
            }
        }

        var involvement = Involvement.Create(_child, professional, agency, role, startedOn, isLead, by);
        _involvements.Add(involvement);
        return Outcome<Involvement>.Success(involvement);
    }

    /// <summary>Moves the lead professional role to another current involvement.</summary>
    public Refusal? MakeLead(InvolvementId id, DateOnly today)
    {
        var target = ContinuingAfter(today).FirstOrDefault(i => i.Id == id);
        if (target is null)
        {
            return Refusal.Of("InvolvementId", "Choose a professional who is currently involved with the child");
        }

        foreach (var other in ContinuingAfter(today).Where(i => i.IsLeadProfessional && i.Id != id))
        {
            other.IsLeadProfessional = false;
            other.Version++;
        }

        if (!target.IsLeadProfessional)
        {
            target.IsLeadProfessional = true;
            target.Version++;
        }

        return null;
    }

    /// <summary>
    /// Ends an involvement. The lead professional's involvement can only end once another professional
    /// is lead, unless it is the last involvement (the child's case is closing).
    /// </summary>
    public Refusal? End(InvolvementId id, DateOnly endedOn, int expectedVersion, DateOnly today)
    {
        var involvement = _involvements.FirstOrDefault(i => i.Id == id);
        if (involvement is null || involvement.EndedOn is not null)
        {
            return Refusal.Of("InvolvementId", "This involvement has already ended");
        }

        if (involvement.Version != expectedVersion)
        {
            return Refusal.Conflict("this involvement");
        }

        if (endedOn < involvement.StartedOn || endedOn > today)
        {
            return Refusal.Of("EndedOn", "The end date must be between the start date and today");
        }

        var others = ContinuingAfter(endedOn).Where(i => i.Id != id).ToList();
        if (involvement.IsLeadProfessional && others.Count > 0)
        {
            return Refusal.Of("InvolvementId",
                "Make another professional the lead professional before ending this involvement. " +
                "Every open child must have a named lead professional.");
        }

        involvement.EndedOn = endedOn;
        involvement.Version++;
        return null;
    }
}
