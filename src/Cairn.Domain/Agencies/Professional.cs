namespace Cairn.Domain.Agencies;

/// <summary>
/// What a professional's job lets them do in Cairn, beyond their own involvements. Roles combine.
/// </summary>
[Flags]
public enum Role
{
    None = 0,
    /// <summary>Works with children they are involved with. Everyone has this.</summary>
    Practitioner = 1,
    /// <summary>Manages a team; reaches children allocated to their team's workers.</summary>
    TeamManager = 2,
    /// <summary>Front door (MASH): reaches every child in the area to triage contacts.</summary>
    FrontDoor = 4,
    /// <summary>Safeguarding lead for the partnership: reaches every child in the area.</summary>
    SafeguardingLead = 8,
    /// <summary>Looks after accounts, agencies and reference data; no reach into children's records.</summary>
    Administrator = 16,
    /// <summary>Emergency Duty Team: out-of-hours children's social care for the area.</summary>
    EmergencyDuty = 32,
    /// <summary>Head of service: the top of the escalation ladder for overdue shares; no extra reach into records.</summary>
    HeadOfService = 64,
}

public sealed class Professional
{
    private Professional()
    {
        Name = "";
        JobTitle = "";
        Email = "";
    }

    public ProfessionalId Id { get; private set; }
    public AgencyId AgencyId { get; private set; }
    public TeamId? TeamId { get; private set; }
    public string Name { get; private set; }
    public string JobTitle { get; private set; }
    public string Email { get; private set; }
    public string? Phone { get; private set; }
    public Role Roles { get; private set; }
    public bool IsActive { get; private set; }

    public static Professional Create(AgencyId agency, TeamId? team, string name, string jobTitle, string email, string? phone, Role roles) => new()
    {
        Id = ProfessionalId.New(),
        AgencyId = agency,
        TeamId = team,
        Name = name.Trim(),
        JobTitle = jobTitle.Trim(),
        Email = email.Trim().ToLowerInvariant(),
        Phone = phone,
        Roles = roles | Role.Practitioner,
        IsActive = true,
    };

    public bool Has(Role role) => (Roles & role) == role;

    public void Deactivate() => IsActive = false;
}
