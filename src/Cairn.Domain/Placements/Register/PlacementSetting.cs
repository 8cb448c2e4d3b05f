namespace Cairn.Domain.Placements.Register;

/// <summary>
/// A place a child can live, under a provider, on an area's register (L33): a foster household, a children's home, supported
/// accommodation. The register stores the facts (type, regulator and judgement, suspension, where it is, whom it takes, what it
/// can do, vacancies); the matching engine decides what they mean for a child, so a suspended or Inadequate setting stays on the
/// register. Every change keeps the details as they were in a revision, and every vacancy count is its own row (L44). One
/// <see cref="Version"/> guards both, so two people changing a setting, or recording its vacancies, at once cannot both win.
/// </summary>
public sealed class PlacementSetting
{
    /// <summary>How far back a vacancy count may be dated: the register is about now, not a reconstruction.</summary>
    public const int VacancyBackdatingDays = 366;

    public static Refusal Stale => Refusal.Conflict("this setting");

    private PlacementSetting()
    {
        Name = "";
        Postcode = "";
        LocalAuthorityCode = "";
        UpperTierCode = "";
        Specialisms = [];
        Restrictions = [];
    }

    public SettingId Id { get; private set; }
    public ProviderId ProviderId { get; private set; }
    /// <summary>The area whose register it is on (the provider's).</summary>
    public AreaId AreaId { get; private set; }
    public string Name { get; private set; }
    public SettingType Type { get; private set; }
    public Regulator? Regulator { get; private set; }
    public string? RegistrationNumber { get; private set; }
    public RegulatorJudgement LastJudgement { get; private set; }
    public DateOnly? LastJudgementOn { get; private set; }
    public string Postcode { get; private set; }
    public string LocalAuthorityCode { get; private set; }
    public string UpperTierCode { get; private set; }
    public int Easting { get; private set; }
    public int Northing { get; private set; }
    public int Capacity { get; private set; }
    public int MinAge { get; private set; }
    public int MaxAge { get; private set; }
    public SexesAccepted Sexes { get; private set; }
    public IReadOnlyList<PlacementNeed> Specialisms { get; private set; }
    public StaffingRatio Staffing { get; private set; }
    public bool WakingNightStaff { get; private set; }
    public IReadOnlyList<Restriction> Restrictions { get; private set; }
    public bool RegistrationSuspended { get; private set; }
    /// <summary>The latest vacancy count recorded (the one with the latest date); null until one is.</summary>
    public int? Vacancies { get; private set; }
    public DateOnly? VacanciesFrom { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }

    public SettingDetails Details => new()
    {
        Name = Name,
        Type = Type,
        Regulator = Regulator,
        RegistrationNumber = RegistrationNumber,
        LastJudgement = LastJudgement,
        LastJudgementOn = LastJudgementOn,
        Postcode = Postcode,
        LocalAuthorityCode = LocalAuthorityCode,
        UpperTierCode = UpperTierCode,
        Easting = Easting,
        Northing = Northing,
        Capacity = Capacity,
        MinAge = MinAge,
        MaxAge = MaxAge,
        Sexes = Sexes,
        Specialisms = Specialisms,
        Staffing = Staffing,
        WakingNightStaff = WakingNightStaff,
        Restrictions = Restrictions,
        RegistrationSuspended = RegistrationSuspended,
    };

    /// <summary>
    /// Whether the setting is in the area whose children's services have <paramref name="areaLocalAuthorityCode"/> (an upper-tier
    /// GSS code, <c>Area.LocalAuthorityCode</c>): its district or the upper tier running children's services there (L41).
    /// </summary>
    public bool IsInArea(string areaLocalAuthorityCode) => LocalAuthorityCode == areaLocalAuthorityCode || UpperTierCode == areaLocalAuthorityCode;

    /// <summary>Whether a child of this age and sex is within whom the setting takes (its age range and sexes accepted).</summary>
    public bool Takes(int age, SexesAccepted sex) => age >= MinAge && age <= MaxAge && (Sexes == SexesAccepted.Any || Sexes == sex);

    /// <summary>Records a setting under a provider in the same area, with its first revision.</summary>
    public static Outcome<(PlacementSetting Setting, SettingRevision Revision)> Record(PlacementProvider provider, SettingDetails details,
        ProfessionalId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(details);
        var setting = new PlacementSetting
        {
            Id = SettingId.New(),
            ProviderId = provider.Id,
            AreaId = provider.AreaId,
            Version = 1,
            RecordedAt = now,
            RecordedBy = by,
        };
        setting.Apply(details);
        return (setting, SettingRevision.Of(setting, [], by, now));
    }

    /// <summary>
    /// Changes the details: refused for a stale <paramref name="expectedVersion"/>, and for a capacity below the vacancies now
    /// recorded. Returns the revision to keep, or null when nothing changed (no new version).
    /// </summary>
    public Outcome<SettingRevision?> Change(SettingDetails details, int? expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Vacancies is { } vacancies && details.Capacity < vacancies)
        {
            return Outcome<SettingRevision?>.Refused("Capacity",
                $"{vacancies} vacancies are recorded: give a capacity of at least {vacancies}, or record fewer vacancies first");
        }

        var changed = details.ChangedFrom(Details);
        if (changed.Count == 0)
        {
            return Outcome<SettingRevision?>.Success(null);
        }

        Apply(details);
        Version++;
        return SettingRevision.Of(this, changed, by, now);
    }

    /// <summary>
    /// Records how many vacancies the setting has from a date (0 to its capacity; the date not in the future and at most a year
    /// back), refused for a stale <paramref name="expectedVersion"/>. The row is always kept; it becomes the current count unless
    /// a count from a later date is already recorded.
    /// </summary>
    public Outcome<SettingVacancy> RecordVacancies(int? vacancies, DateOnly? from, int? expectedVersion, ProfessionalId by, DateTimeOffset now,
        DateOnly today)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        var errors = new List<FieldError>();
        if (vacancies is not { } count || count < 0 || count > Capacity)
        {
            errors.Add(new("Vacancies", $"Enter how many vacancies it has, from 0 to its capacity of {Capacity}"));
        }

        if (from is not { } date)
        {
            errors.Add(new("From", "Enter the date the vacancies are from"));
        }
        else if (date > today)
        {
            errors.Add(new("From", "The date the vacancies are from must be today or in the past"));
        }
        else if (date < today.AddDays(-VacancyBackdatingDays))
        {
            errors.Add(new("From", "The date the vacancies are from must be within the last year"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        if (VacanciesFrom is null || from >= VacanciesFrom)
        {
            Vacancies = vacancies;
            VacanciesFrom = from;
        }

        Version++;
        return SettingVacancy.Of(Id, vacancies!.Value, from!.Value, by, now);
    }

    private void Apply(SettingDetails d)
    {
        (Name, Type, Regulator, RegistrationNumber, LastJudgement, LastJudgementOn) =
            (d.Name, d.Type, d.Regulator, d.RegistrationNumber, d.LastJudgement, d.LastJudgementOn);
        (Postcode, LocalAuthorityCode, UpperTierCode, Easting, Northing) = (d.Postcode, d.LocalAuthorityCode, d.UpperTierCode, d.Easting, d.Northing);
        (Capacity, MinAge, MaxAge, Sexes, Specialisms, Staffing) = (d.Capacity, d.MinAge, d.MaxAge, d.Sexes, [.. d.Specialisms], d.Staffing);
        (WakingNightStaff, Restrictions, RegistrationSuspended) = (d.WakingNightStaff, [.. d.Restrictions], d.RegistrationSuspended);
    }
}

/// <summary>A setting's details as they were at one version: added, never edited, so no change is lost (L44).</summary>
public sealed class SettingRevision
{
    private SettingRevision()
    {
        Details = null!;
        Changed = [];
    }

    public long Id { get; private set; }
    public SettingId SettingId { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ProfessionalId By { get; private set; }
    public SettingDetails Details { get; private set; }
    /// <summary>The fields this version changed; empty for the first.</summary>
    public IReadOnlyList<string> Changed { get; private set; }

    internal static SettingRevision Of(PlacementSetting setting, IReadOnlyList<string> changed, ProfessionalId by, DateTimeOffset at) => new()
    {
        SettingId = setting.Id,
        Version = setting.Version,
        At = at,
        By = by,
        Details = setting.Details,
        Changed = changed,
    };
}

/// <summary>How many vacancies a setting had from a date, as recorded: the history of vacancies, appended to, never edited.</summary>
public sealed class SettingVacancy
{
    private SettingVacancy()
    {
    }

    public long Id { get; private set; }
    public SettingId SettingId { get; private set; }
    public int Vacancies { get; private set; }
    public DateOnly From { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }

    internal static SettingVacancy Of(SettingId setting, int vacancies, DateOnly from, ProfessionalId by, DateTimeOffset at) => new()
    {
        SettingId = setting,
        Vacancies = vacancies,
        From = from,
        RecordedAt = at,
        RecordedBy = by,
    };
}
