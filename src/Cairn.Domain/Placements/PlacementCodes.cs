namespace Cairn.Domain.Placements;

/// <summary>One SSDA903 code with its words.</summary>
public sealed record CodeInfo(string Code, string Words);

/// <summary>
/// The SSDA903 code lists a placement carries (2025/26 onwards), as data, and the consistency rules between placement type,
/// provider and URN that the return's validation applies, so a placement that would fail the return is refused when recorded,
/// not in March (the SSDA903 guide and the DfE's published validation rules).
/// </summary>
public static class PlacementCodes
{
    /// <summary>The URN placeholder the return accepts where a URN is required but not known (validation rule 222).</summary>
    public const string UrnPlaceholder = "XXXXXXX";

    public static IReadOnlyList<CodeInfo> PlacementTypes { get; } =
    [
        new("A3", "Placed for adoption with consent, with current foster carers"),
        new("A4", "Placed for adoption with consent, not with current foster carers"),
        new("A5", "Placed for adoption with a placement order, with current foster carers"),
        new("A6", "Placed for adoption with a placement order, not with current foster carers"),
        new("K1", "Secure children's home"),
        new("K2", "Children's home subject to Children's Homes Regulations"),
        new("K3", "Registered supported accommodation"),
        new("P1", "Placed with own parents or others with parental responsibility"),
        new("P3", "Residential employment"),
        new("R1", "Residential care home"),
        new("R2", "NHS or health trust establishment providing medical or nursing care"),
        new("R3", "Family centre or mother and baby unit"),
        new("R5", "Young offender institution"),
        new("S1", "Residential school (not dual-registered as a children's home)"),
        new("T0", "Temporary move of any type"),
        new("T1", "Temporary period in hospital"),
        new("T2", "Temporary absence on holiday"),
        new("T3", "Temporary accommodation while the usual foster carers are on holiday"),
        new("T4", "Temporary accommodation of seven days or less, for another reason"),
        new("U1", "Foster placement with relatives or friends: long term"),
        new("U2", "Foster placement with relatives or friends who are approved adopters (fostering for adoption)"),
        new("U3", "Foster placement with relatives or friends: not long term"),
        new("U4", "Foster placement with other foster carers: long term"),
        new("U5", "Foster placement with other foster carers who are approved adopters (fostering for adoption)"),
        new("U6", "Foster placement with other foster carers: not long term"),
        new("Z11", "Other placement (Z11)"),
        new("Z12", "Other placement (Z12)"),
        new("Z13", "Other placement (Z13)"),
        new("Z14", "Other placement (Z14)"),
    ];

    public static IReadOnlyList<CodeInfo> Providers { get; } =
    [
        new("PR0", "Parents or others with parental responsibility"),
        new("PR1", "The area's own provision"),
        new("PR2", "Another local authority's provision"),
        new("PR3", "Other public provision"),
        new("PR4", "Private provision"),
        new("PR5", "Voluntary or third sector provision"),
    ];

    public static IReadOnlyList<CodeInfo> ReasonsForChange { get; } =
    [
        new("CARPL", "Change to or carrying out of the care plan"),
        new("CLOSE", "The provision resigned or closed"),
        new("ALLEG", "An allegation (section 47)"),
        new("STAND", "A concern about the standard of care"),
        new("APPRR", "Approval removed"),
        new("CREQB", "The carers asked for it to end because of the child's behaviour"),
        new("CREQO", "The carers asked for it to end for another reason"),
        new("CHILD", "The child asked for it to end"),
        new("LAREQ", "The responsible or area authority asked for it to end"),
        new("PLACE", "A change in the status of the placement only"),
        new("CUSTOD", "A custody arrangement"),
        new("OTHER", "Other"),
    ];

    private static readonly string[] NoUrn = ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"];
    private static readonly string[] NoProvider = ["T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"];

    public static bool IsPlacementType(string? code) => PlacementTypes.Any(c => c.Code == code);

    public static bool IsProvider(string? code) => Providers.Any(c => c.Code == code);

    public static bool IsReasonForChange(string? code) => ReasonsForChange.Any(c => c.Code == code);

    /// <summary>Whether the return needs a URN (the setting's regulator number) for this placement type.</summary>
    public static bool NeedsUrn(string placementType) => !NoUrn.Contains(placementType);

    /// <summary>Whether the return needs a provider code for this placement type.</summary>
    public static bool NeedsProvider(string placementType) => !NoProvider.Contains(placementType);

    /// <summary>The placement type a setting of this kind is recorded as, unless the social worker chooses another that fits.</summary>
    public static string DefaultFor(SettingType type) => type switch
    {
        SettingType.FosterCarer => "U6",
        SettingType.ConnectedPersonCarer => "U3",
        SettingType.ChildrensHome => "K2",
        SettingType.SupportedAccommodation => "K3",
        SettingType.SecureChildrensHome => "K1",
        SettingType.ResidentialSpecialSchool => "S1",
        SettingType.ParentAndChild => "R3",
        _ => "K2",
    };

    /// <summary>
    /// What is wrong with a placement type and provider together (the return's consistency rules): PR0 only with P1; PR1 and PR2
    /// not with P1, R2 or R5; PR3 not with P1, adoption, secure or children's homes, or fostering; PR4 and PR5 not with P1; no
    /// provider for temporary and "other" placements, one for everything else.
    /// </summary>
    public static string? Inconsistency(string placementType, string? provider)
    {
        if (!NeedsProvider(placementType))
        {
            return provider is null ? null : $"A {placementType} placement has no provider on the return: leave the provider blank";
        }

        if (provider is null)
        {
            return $"A {placementType} placement needs its provider";
        }

        var fostering = placementType.StartsWith('U');
        var adoption = placementType.StartsWith('A');
        return (provider, placementType) switch
        {
            ("PR0", not "P1") => "Only a placement with parents (P1) has parents as its provider (PR0)",
            (not "PR0", "P1") => "A placement with parents (P1) has parents as its provider (PR0)",
            ("PR1" or "PR2", "R2" or "R5") => "A health establishment or young offender institution is not a local authority's provision",
            ("PR3", _) when fostering || adoption || placementType is "K1" or "K2" =>
                "Other public provision cannot run a children's home, fostering or adoption placement: choose the provider that does",
            _ => null,
        };
    }
}
