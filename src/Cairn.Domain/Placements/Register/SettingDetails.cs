using System.Text.RegularExpressions;
using Cairn.Domain.Places;

namespace Cairn.Domain.Placements.Register;

/// <summary>Which children a setting takes by sex.</summary>
public enum SexesAccepted
{
    Any = 0,
    Male = 1,
    Female = 2,
}

/// <summary>What someone typed about a setting, before the rules have looked at it. Field names are the form's and the API's.</summary>
public sealed record SettingDraft
{
    public string? Name { get; init; }
    public SettingType? Type { get; init; }
    public Regulator? Regulator { get; init; }
    public string? RegistrationNumber { get; init; }
    public RegulatorJudgement? LastJudgement { get; init; }
    public DateOnly? LastJudgementOn { get; init; }
    public string? Postcode { get; init; }
    public int? Capacity { get; init; }
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }
    public SexesAccepted? Sexes { get; init; }
    public IReadOnlyList<PlacementNeed>? Specialisms { get; init; }
    public StaffingRatio? Staffing { get; init; }
    public bool WakingNightStaff { get; init; }
    public IReadOnlyList<Restriction>? Restrictions { get; init; }
    public bool RegistrationSuspended { get; init; }
}

/// <summary>Where a setting's postcode is: found in the postcode directory, with the upper-tier authority that runs children's services.</summary>
public sealed record SettingPlace(PostcodeLocation Location, string UpperTierCode);

/// <summary>
/// A setting's details that the rules accepted (L33): what it is, who regulates it and how it was judged, where it is, whom it
/// takes and what it can do. Stored whole in each revision, so an earlier version can always be read again (L44).
/// </summary>
public sealed partial record SettingDetails
{
    public const int MaxNameLength = 200;
    public const int MaxRegistrationNumberLength = 20;
    public const int MaxCapacity = 100;
    public const int OldestAge = 17;
    /// <summary>Supported accommodation is for young people of 16 and 17 only.</summary>
    public const int SupportedAccommodationFrom = 16;

    /// <summary>No regulator's judgement before this date is plausible for a setting on today's register.</summary>
    public static readonly DateOnly EarliestJudgement = new(2000, 1, 1);

    public required string Name { get; init; }
    public required SettingType Type { get; init; }
    /// <summary>Null for a foster or connected person carer, approved by the local authority or agency rather than registered.</summary>
    public Regulator? Regulator { get; init; }
    public string? RegistrationNumber { get; init; }
    public required RegulatorJudgement LastJudgement { get; init; }
    public DateOnly? LastJudgementOn { get; init; }
    /// <summary>Normalised, "YO1 7HH".</summary>
    public required string Postcode { get; init; }
    /// <summary>The local authority district the postcode is in (ONS code).</summary>
    public required string LocalAuthorityCode { get; init; }
    /// <summary>The upper-tier authority that runs children's services there: what an area's own code is compared with.</summary>
    public required string UpperTierCode { get; init; }
    public required int Easting { get; init; }
    public required int Northing { get; init; }
    public required int Capacity { get; init; }
    public required int MinAge { get; init; }
    public required int MaxAge { get; init; }
    public required SexesAccepted Sexes { get; init; }
    public required IReadOnlyList<PlacementNeed> Specialisms { get; init; }
    public required StaffingRatio Staffing { get; init; }
    public required bool WakingNightStaff { get; init; }
    public required IReadOnlyList<Restriction> Restrictions { get; init; }
    public required bool RegistrationSuspended { get; init; }

    /// <summary>Whether the type is a carer approved by a fostering service (the local authority or an agency), not registered itself.</summary>
    public static bool IsApprovedCarer(SettingType type) => type is SettingType.FosterCarer or SettingType.ConnectedPersonCarer;

    /// <summary>
    /// The rules for a setting's details: every field named on refusal, nothing half-accepted. <paramref name="place"/> is where the
    /// postcode directory puts the postcode typed (null when it is not there); <paramref name="today"/> bounds the judgement date.
    /// </summary>
    public static Outcome<SettingDetails> From(SettingDraft draft, SettingPlace? place, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new("Name", "Enter the setting's name"));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new("Name", $"The setting's name must be {MaxNameLength} characters or fewer"));
        }

        var type = draft.Type is { } t && Enum.IsDefined(t) ? t : (SettingType?)null;
        if (type is null)
        {
            errors.Add(new("Type", "Select the type of setting"));
        }

        var carer = type is { } known && IsApprovedCarer(known);
        var number = ProviderDetails.Blank(draft.RegistrationNumber)?.ToUpperInvariant();
        CheckRegulation(draft, type, carer, number, errors);
        CheckJudgement(draft, carer, today, errors);

        Postcode postcode = default;
        if (!Places.Postcode.TryParse(draft.Postcode, out postcode, out var postcodeError))
        {
            errors.Add(new("Postcode", postcodeError));
        }
        else if (place is null)
        {
            errors.Add(new("Postcode",
                $"{postcode} is not in the postcode directory. Check it, or ask an administrator to load the latest postcodes"));
        }

        if (draft.Capacity is not (>= 1 and <= MaxCapacity))
        {
            errors.Add(new("Capacity", $"Enter how many children it can care for, from 1 to {MaxCapacity}"));
        }

        CheckAges(draft, type, errors);
        if (draft.Sexes is not { } sexes || !Enum.IsDefined(sexes))
        {
            errors.Add(new("Sexes", "Select whom it takes: boys, girls or both"));
        }

        if (draft.Staffing is not { } staffing || !Enum.IsDefined(staffing))
        {
            errors.Add(new("Staffing", "Select the highest staffing ratio it can deliver"));
        }

        var specialisms = (draft.Specialisms ?? []).Distinct().Order().ToList();
        if (specialisms.Any(s => !Enum.IsDefined(s)))
        {
            errors.Add(new("Specialisms", "Select specialisms from the list"));
        }

        var restrictions = (draft.Restrictions ?? []).Distinct().Order().ToList();
        if (restrictions.Any(r => !Enum.IsDefined(r)))
        {
            errors.Add(new("Restrictions", "Select restrictions from the list"));
        }
        else if (restrictions.Contains(Restriction.SecureAccommodation) && type is not null and not SettingType.SecureChildrensHome)
        {
            errors.Add(new("Restrictions", "Only a secure children's home can keep a child in secure accommodation (section 25)"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return new SettingDetails
        {
            Name = name,
            Type = type!.Value,
            Regulator = draft.Regulator,
            RegistrationNumber = number,
            LastJudgement = draft.LastJudgement ?? RegulatorJudgement.NotYetInspected,
            LastJudgementOn = draft.LastJudgementOn,
            Postcode = postcode.ToString(),
            LocalAuthorityCode = place!.Location.LocalAuthorityCode,
            UpperTierCode = place.UpperTierCode,
            Easting = place.Location.Easting,
            Northing = place.Location.Northing,
            Capacity = draft.Capacity!.Value,
            MinAge = draft.MinAge!.Value,
            MaxAge = draft.MaxAge!.Value,
            Sexes = draft.Sexes!.Value,
            Specialisms = specialisms,
            Staffing = draft.Staffing!.Value,
            WakingNightStaff = draft.WakingNightStaff,
            Restrictions = restrictions,
            RegistrationSuspended = draft.RegistrationSuspended,
        };
    }

    /// <summary>The names of the fields that differ between two versions of a setting, in the form's order.</summary>
    public IReadOnlyList<string> ChangedFrom(SettingDetails before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new (string Field, bool Changed)[]
        {
            ("Name", Name != before.Name), ("Type", Type != before.Type), ("Regulator", Regulator != before.Regulator),
            ("RegistrationNumber", RegistrationNumber != before.RegistrationNumber), ("LastJudgement", LastJudgement != before.LastJudgement),
            ("LastJudgementOn", LastJudgementOn != before.LastJudgementOn), ("Postcode", Postcode != before.Postcode),
            ("Capacity", Capacity != before.Capacity), ("MinAge", MinAge != before.MinAge), ("MaxAge", MaxAge != before.MaxAge),
            ("Sexes", Sexes != before.Sexes), ("Specialisms", !Specialisms.SequenceEqual(before.Specialisms)),
            ("Staffing", Staffing != before.Staffing), ("WakingNightStaff", WakingNightStaff != before.WakingNightStaff),
            ("Restrictions", !Restrictions.SequenceEqual(before.Restrictions)),
            ("RegistrationSuspended", RegistrationSuspended != before.RegistrationSuspended),
        }.Where(c => c.Changed).Select(c => c.Field).ToList();
    }

    private static void CheckRegulation(SettingDraft draft, SettingType? type, bool carer, string? number, List<FieldError> errors)
    {
        if (draft.Regulator is { } regulator && !Enum.IsDefined(regulator))
        {
            errors.Add(new("Regulator", "Select Ofsted or the Care Quality Commission"));
        }
        else if (draft.Regulator is null && type is not null && !carer)
        {
            errors.Add(new("Regulator", "Select who registers it: Ofsted or the Care Quality Commission"));
        }

        if (number is null)
        {
            if (type is not null && !carer)
            {
                errors.Add(new("RegistrationNumber", "Enter the registration number, like SC123456 for an Ofsted-registered children's home"));
            }
        }
        else if (number.Length > MaxRegistrationNumberLength || !RegistrationShape().IsMatch(number))
        {
            errors.Add(new("RegistrationNumber",
                $"Enter a registration number of letters and digits, {MaxRegistrationNumberLength} characters or fewer, like SC123456"));
        }
    }

    private static void CheckJudgement(SettingDraft draft, bool carer, DateOnly today, List<FieldError> errors)
    {
        // A carer is not inspected on their own (their fostering service is): no judgement means none of their own.
        var judgement = draft.LastJudgement ?? (carer ? RegulatorJudgement.NotYetInspected : (RegulatorJudgement?)null);
        if (judgement is null || !Enum.IsDefined(judgement.Value))
        {
            errors.Add(new("LastJudgement", "Select the regulator's last overall judgement, or not yet inspected"));
            return;
        }

        if (judgement == RegulatorJudgement.NotYetInspected)
        {
            if (draft.LastJudgementOn is not null)
            {
                errors.Add(new("LastJudgementOn", "Leave the date of the judgement empty when it has not yet been inspected"));
            }
        }
        else if (draft.LastJudgementOn is not { } on)
        {
            errors.Add(new("LastJudgementOn", "Enter the date of the last judgement"));
        }
        else if (on > today)
        {
            errors.Add(new("LastJudgementOn", "The date of the last judgement must be today or in the past"));
        }
        else if (on < EarliestJudgement)
        {
            errors.Add(new("LastJudgementOn", "The date of the last judgement must be in or after 2000"));
        }
    }

    private static void CheckAges(SettingDraft draft, SettingType? type, List<FieldError> errors)
    {
        var min = draft.MinAge;
        var max = draft.MaxAge;
        if (min is not (>= 0 and <= OldestAge))
        {
            errors.Add(new("MinAge", $"Enter the youngest age it takes, from 0 to {OldestAge}"));
        }

        if (max is not (>= 0 and <= OldestAge))
        {
            errors.Add(new("MaxAge", $"Enter the oldest age it takes, from 0 to {OldestAge}"));
        }

        if (min is (>= 0 and <= OldestAge) && max is (>= 0 and <= OldestAge))
        {
            if (min > max)
            {
                errors.Add(new("MaxAge", "The oldest age it takes must be the same as or more than the youngest"));
            }
            else if (type == SettingType.SupportedAccommodation && min < SupportedAccommodationFrom)
            {
                errors.Add(new("MinAge", "Supported accommodation is for young people aged 16 and 17 only"));
            }
        }
    }

    // Ofsted URNs ("SC123456", "1234567"), CQC location ids ("1-123456789"): letters and digits, a hyphen between, at least one digit.
    [GeneratedRegex("^(?=.*[0-9])[A-Z0-9]+(-[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistrationShape();
}
