using System.ComponentModel.DataAnnotations;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Referrals;

namespace Cairn.Web.Features.Placements.Referrals;

/// <summary>A page showing the referral form (the start and change pages), so both share one partial.</summary>
public interface IReferralForm
{
    ReferralInput Input { get; }
}

/// <summary>The referral form, as the start and change pages post it.</summary>
public sealed class ReferralInput
{
    [Display(Name = "Date the placement is needed by")]
    public DateOnly? NeededBy { get; set; }

    public List<SettingType> AcceptableTypes { get; set; } = [];
    public List<PlacementNeed> Needs { get; set; } = [];
    public string? NeedsSummary { get; set; }
    public StaffingRatio Staffing { get; set; }
    public bool WakingNightStaff { get; set; }
    public List<Restriction> Restrictions { get; set; } = [];
    public bool RisksAnswered { get; set; }
    public List<RiskToOthers> RisksToOthers { get; set; } = [];
    public List<Vulnerability> Vulnerabilities { get; set; } = [];
    public string? RiskSummary { get; set; }
    public string? HomePostcode { get; set; }
    public string? SchoolPostcode { get; set; }
    public string? AreasToAvoid { get; set; }
    public string? ChildsViews { get; set; }
    public string? FamilysViews { get; set; }
    public int? Version { get; set; }

    public ReferralDetails ToDetails() => new()
    {
        NeededBy = NeededBy,
        AcceptableTypes = AcceptableTypes,
        Needs = Needs,
        NeedsSummary = NeedsSummary,
        Staffing = Staffing,
        WakingNightStaff = WakingNightStaff,
        Restrictions = Restrictions,
        RisksAnswered = RisksAnswered,
        RisksToOthers = RisksToOthers,
        Vulnerabilities = Vulnerabilities,
        RiskSummary = RiskSummary,
        HomePostcode = HomePostcode,
        SchoolPostcode = SchoolPostcode,
        AreasToAvoid = AreasToAvoid,
        ChildsViews = ChildsViews,
        FamilysViews = FamilysViews,
    };

    public static ReferralInput From(ReferralDetails details, int version) => new()
    {
        NeededBy = details.NeededBy,
        AcceptableTypes = [.. details.AcceptableTypes],
        Needs = [.. details.Needs],
        NeedsSummary = details.NeedsSummary,
        Staffing = details.Staffing,
        WakingNightStaff = details.WakingNightStaff,
        Restrictions = [.. details.Restrictions],
        RisksAnswered = details.RisksAnswered,
        RisksToOthers = [.. details.RisksToOthers],
        Vulnerabilities = [.. details.Vulnerabilities],
        RiskSummary = details.RiskSummary,
        HomePostcode = details.HomePostcode,
        SchoolPostcode = details.SchoolPostcode,
        AreasToAvoid = details.AreasToAvoid,
        ChildsViews = details.ChildsViews,
        FamilysViews = details.FamilysViews,
        Version = version,
    };
}
