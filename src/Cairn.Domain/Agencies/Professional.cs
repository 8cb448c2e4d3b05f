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
    /// <summary>
    /// Senior manager on call out of hours: told when the Emergency Duty Team misses an acknowledgement after its manager
    /// was told (L02); no extra reach into records.
    /// </summary>
    SeniorManagerOnCall = 128,
}

public sealed class Professional
{
    /// <summary>An administrator's reason for changing someone's account must say why, so that others can follow it.</summary>
    public const int MinReasonLength = 20;
    public const int MaxReasonLength = 2000;

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

    /// <summary>
    /// A leaver loses access: refused for the administrator's own account (so an area always keeps an active
    /// administrator), for an account already deactivated, and without a reason.
    /// </summary>
    public Refusal? Deactivate(ProfessionalId by, string? reason)
    {
        var errors = new List<FieldError>();
        if (by == Id)
        {
            errors.Add(new("Action", "You cannot deactivate your own account: ask another administrator"));
        }
        else if (!IsActive)
        {
            errors.Add(new("Action", "This account is already deactivated"));
        }

        CheckReason(reason, errors);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        IsActive = false;
        return null;
    }

    /// <summary>Lets a returning professional sign in again; refused for an account that is active, and without a reason.</summary>
    public Refusal? Reactivate(string? reason)
    {
        var errors = new List<FieldError>();
        if (IsActive)
        {
            errors.Add(new("Action", "This account is already active"));
        }

        CheckReason(reason, errors);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        IsActive = true;
        return null;
    }

    /// <summary>
    /// The reason every change to someone's account needs (deactivate, reactivate, unlock, sign out everywhere):
    /// refused when missing, too short to say why, or too long.
    /// </summary>
    public static Refusal? CheckReason(string? reason)
    {
        var errors = new List<FieldError>();
        CheckReason(reason, errors);
        return Refusal.FromErrors(errors);
    }

    private static void CheckReason(string? reason, List<FieldError> errors)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(new("Reason", "Enter the reason for this change"));
        }
        else if (trimmed.Length < MinReasonLength)
        {
            errors.Add(new("Reason",
                $"Enter a reason of at least {MinReasonLength} characters that says why, so that others can follow the decision"));
        }
        else if (trimmed.Length > MaxReasonLength)
        {
            errors.Add(new("Reason", $"The reason must be {MaxReasonLength:N0} characters or fewer"));
        }
    }
}
