using System.ComponentModel.DataAnnotations;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Register;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.Register;

/// <summary>A setting's details as the form and the API take them; the rules are the domain's (<see cref="SettingDetails.From"/>).</summary>
public class SettingInput
{
    public string? Name { get; set; }
    public SettingType? Type { get; set; }
    public Regulator? Regulator { get; set; }
    public string? RegistrationNumber { get; set; }
    public RegulatorJudgement? LastJudgement { get; set; }

    [Display(Name = "Date of the last judgement")]
    public DateOnly? LastJudgementOn { get; set; }

    public string? Postcode { get; set; }
    public int? Capacity { get; set; }
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public SexesAccepted? Sexes { get; set; }
    public List<PlacementNeed> Specialisms { get; set; } = [];
    public StaffingRatio? Staffing { get; set; }
    public bool WakingNightStaff { get; set; }
    public List<Restriction> Restrictions { get; set; } = [];
    public bool RegistrationSuspended { get; set; }

    public SettingDraft ToDraft() => new()
    {
        Name = Name,
        Type = Type,
        Regulator = Regulator,
        RegistrationNumber = RegistrationNumber,
        LastJudgement = LastJudgement,
        LastJudgementOn = LastJudgementOn,
        Postcode = Postcode,
        Capacity = Capacity,
        MinAge = MinAge,
        MaxAge = MaxAge,
        Sexes = Sexes,
        Specialisms = Specialisms ?? [],
        Staffing = Staffing,
        WakingNightStaff = WakingNightStaff,
        Restrictions = Restrictions ?? [],
        RegistrationSuspended = RegistrationSuspended,
    };

    public void CopyFrom(SettingDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        (Name, Type, Regulator, RegistrationNumber, LastJudgement, LastJudgementOn) = (details.Name, details.Type, details.Regulator,
            details.RegistrationNumber, details.LastJudgement, details.LastJudgementOn);
        (Postcode, Capacity, MinAge, MaxAge, Sexes) = (details.Postcode, details.Capacity, details.MinAge, details.MaxAge, details.Sexes);
        (Specialisms, Staffing, WakingNightStaff, Restrictions, RegistrationSuspended) = ([.. details.Specialisms], details.Staffing,
            details.WakingNightStaff, [.. details.Restrictions], details.RegistrationSuspended);
    }
}

/// <summary>What a setting form posts: the details, the provider (when recording) and the version read (when changing).</summary>
public sealed class SettingForm : SettingInput
{
    public Guid? ProviderId { get; set; }
    public int? Version { get; set; }
}

/// <summary>The record and change pages share one form (<c>_SettingFields.cshtml</c>), bound to <see cref="Input"/>.</summary>
public abstract class SettingFormPage : PageModel
{
    [BindProperty]
    public SettingForm Input { get; set; } = new();

    public IReadOnlyList<ProviderView> Providers { get; protected set; } = [];

    public static IEnumerable<(string Value, string Text)> Choices<TEnum>(Func<TEnum, string> words)
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => (v.ToString(), words(v)));
}

/// <summary>Words for the register's own terms.</summary>
public static class RegisterWords
{
    public static string Of(SexesAccepted sexes) => sexes switch
    {
        SexesAccepted.Male => "Boys only",
        SexesAccepted.Female => "Girls only",
        _ => "Boys and girls",
    };

    public static string Field(string field) => field switch
    {
        "Name" => "name",
        "Type" => "type",
        "Regulator" => "regulator",
        "RegistrationNumber" => "registration number",
        "LastJudgement" => "last judgement",
        "LastJudgementOn" => "date of judgement",
        "Postcode" => "postcode",
        "Capacity" => "capacity",
        "MinAge" => "youngest age",
        "MaxAge" => "oldest age",
        "Sexes" => "sexes accepted",
        "Specialisms" => "specialisms",
        "Staffing" => "staffing",
        "WakingNightStaff" => "waking night staff",
        "Restrictions" => "restrictions",
        "RegistrationSuspended" => "registration suspended",
        _ => field,
    };

    /// <summary>Who regulates a setting, saying so when a carer is approved rather than registered.</summary>
    public static string Regulation(SettingDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Regulator is { } regulator)
        {
            return details.RegistrationNumber is { } number ? $"{PlacementWords.Of(regulator)}, {number}" : PlacementWords.Of(regulator);
        }

        return "Approved by the fostering service (the local authority or an agency), not registered itself";
    }
}
