namespace Cairn.Domain.Agencies;

/// <summary>A local authority area: the partnership whose children Cairn holds.</summary>
public sealed class Area
{
    private Area()
    {
        Name = "";
        LocalAuthorityCode = "";
    }

    public AreaId Id { get; private set; }
    public string Name { get; private set; }
    /// <summary>Upper-tier local authority GSS code (children's services are run by the upper tier).</summary>
    public string LocalAuthorityCode { get; private set; }

    public static Area Create(string name, string localAuthorityCode) =>
        new() { Id = AreaId.New(), Name = name.Trim(), LocalAuthorityCode = localAuthorityCode.Trim() };
}

public enum AgencyKind
{
    ChildrensSocialCare = 1,
    Police = 2,
    GeneralPractice = 3,
    HealthVisiting = 4,
    Midwifery = 5,
    Hospital = 6,
    Camhs = 7,
    School = 8,
    YouthJustice = 9,
    Housing = 10,
    AdultSocialCare = 11,
    Voluntary = 12,
}

public sealed class Agency
{
    private Agency()
    {
        Name = "";
    }

    public AgencyId Id { get; private set; }
    public AreaId AreaId { get; private set; }
    public string Name { get; private set; }
    public AgencyKind Kind { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }

    public static Agency Create(AreaId area, string name, AgencyKind kind, string? phone = null, string? email = null) =>
        new() { Id = AgencyId.New(), AreaId = area, Name = name.Trim(), Kind = kind, Phone = phone, Email = email };
}

public sealed class Team
{
    /// <summary>The refusal for a stale version or a lost race (another administrator may have changed its manager).</summary>
    public static Refusal Stale => Refusal.Conflict("this team");

    private Team()
    {
        Name = "";
    }

    public TeamId Id { get; private set; }
    public AgencyId AgencyId { get; private set; }
    public string Name { get; private set; }
    /// <summary>The team manager; they may open the records of children allocated to their team's workers.</summary>
    public ProfessionalId? ManagerId { get; private set; }

    /// <summary>Concurrency token: moves on with every change of manager, so two administrators cannot both win.</summary>
    public int Version { get; private set; }

    public static Team Create(AgencyId agency, string name) => new() { Id = TeamId.New(), AgencyId = agency, Name = name.Trim(), Version = 1 };

    /// <summary>For the demo seeder and tests, which build an organisation: administrators use <see cref="ChangeManager"/>.</summary>
    public void AssignManager(ProfessionalId manager) => ManagerId = manager;

    /// <summary>
    /// An administrator sets or changes the team's manager, who is the first rung of escalation for overdue shares to
    /// the team (L16): refused for a stale <paramref name="expectedVersion"/>, without a reason, and unless
    /// <paramref name="manager"/> is an active professional in the team's agency with the team manager role who does
    /// not already manage it. The change to keep in the team's history is returned; nothing changes on a refusal.
    /// </summary>
    public Outcome<TeamManagerChange> ChangeManager(
        Professional? manager, string? reason, int? expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Outcome<TeamManagerChange>.Refused(Stale);
        }

        var errors = new List<FieldError>();
        if (manager is null)
        {
            errors.Add(new("ManagerId", "Select the new manager"));
        }
        else if (manager.Id == ManagerId)
        {
            errors.Add(new("ManagerId", "They already manage this team: select someone else"));
        }
        else if (manager.AgencyId != AgencyId)
        {
            errors.Add(new("ManagerId", "Select a professional who works in the team's agency"));
        }
        else if (!manager.IsActive)
        {
            errors.Add(new("ManagerId", "Their account is deactivated: select an active professional"));
        }
        else if (!manager.Has(Role.TeamManager))
        {
            errors.Add(new("ManagerId", "Select a professional with the team manager role"));
        }

        errors.AddRange(Professional.CheckReason(reason)?.Errors ?? []);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var change = new TeamManagerChange(Id, ManagerId, manager!.Id, by, now, reason!.Trim());
        ManagerId = manager.Id;
        Version++;
        return Outcome<TeamManagerChange>.Success(change);
    }
}

/// <summary>
/// One change of a team's manager, with the administrator's reason. Added, never edited: the team's page shows the
/// history. The audit log records the same change by ids only, without the reason.
/// </summary>
public sealed class TeamManagerChange
{
    private TeamManagerChange()
    {
        Reason = "";
    }

    internal TeamManagerChange(
        TeamId team, ProfessionalId? previousManager, ProfessionalId manager, ProfessionalId changedBy, DateTimeOffset at, string reason)
    {
        (TeamId, PreviousManagerId, ManagerId, ChangedBy, At, Reason) = (team, previousManager, manager, changedBy, at, reason);
    }

    public long Id { get; private set; }
    public TeamId TeamId { get; private set; }
    public ProfessionalId? PreviousManagerId { get; private set; }
    public ProfessionalId ManagerId { get; private set; }
    public ProfessionalId ChangedBy { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Reason { get; private set; }
}
