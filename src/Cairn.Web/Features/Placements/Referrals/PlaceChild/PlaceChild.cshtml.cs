using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Web.Data;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Referrals.PlaceChild;

/// <summary>
/// Admission (L33–L37, L42): the chosen setting matched again, its dangers and conflicts shown once more, and the form that places
/// the child — start date, whether unplanned, the return's placement type, how the family were told and whether consulted, and a
/// manager's reason where the match needs one. Done, it goes to the placement planning meeting it scheduled.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class PlaceChildModel(PlaceChildHandler handler, ReferralAccessHandler referrals, ReferralMatchingHandler matching,
    ChildBannerHandler banner, CairnDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AdmissionInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public Guid ReferralId { get; private set; }

    public string SettingName { get; private set; } = "";

    public string DefaultType { get; private set; } = "";

    /// <summary>Why the match leaves the setting out, when it does.</summary>
    public string? Excluded { get; private set; }

    /// <summary>The dangers and conflicts that need a manager's decision (L34, L35).</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public bool IsManager { get; private set; }

    /// <summary>Whether the viewer may place the child (children's social care); others see why not.</summary>
    public bool MayPlace { get; private set; }

    public static IEnumerable<(string Value, string Text)> PlacementTypes =>
        PlacementCodes.PlacementTypes.Select(c => (c.Code, $"{c.Code}: {c.Words}"));

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? settingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, settingId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.SettingId = settingId;
        Input.StartedOn = clock.Today();
        Input.PlacementType = DefaultType;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, Input.SettingId, cancellationToken) ?? Page();
        }

        var handled = await handler.HandleAsync(new PlacementReferralId(id), new PlaceChildCommand
        {
            SettingId = Input.SettingId is { } s ? new SettingId(s) : null,
            StartedOn = Input.StartedOn,
            Emergency = Input.Emergency,
            FamilyInformed = Input.FamilyInformed,
            FamilyConsulted = Input.FamilyConsulted,
            FamilyNote = Input.FamilyNote,
            OverrideReason = Input.OverrideReason,
            PlacementType = Input.PlacementType,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled, placed => new PageDone(
                $"{Banner?.Name ?? "The child"} placed at {placed.Setting} from {Display.Date(placed.StartedOn)}."
                + (placed.PlanningMeetingDueOn is { } due ? $" The placement planning meeting is due by {Display.Date(due)}." : "")
                + (placed.SharesSent > 0 ? $" {placed.SharesSent} of the residents' social workers and IROs were sent a notice." : ""),
                placed.PlanningMeetingId is { } meeting ? $"/meetings/{meeting.Value}" : $"/people/{placed.ChildId.Value}"),
            async () => await LoadAsync(id, Input.SettingId, cancellationToken) is null);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid? settingId, CancellationToken cancellationToken)
    {
        ReferralId = id;
        var referralId = new PlacementReferralId(id);
        if (await referrals.ChildOfAsync(referralId, cancellationToken) is not { } child || !await referrals.OpenAsync(child, cancellationToken))
        {
            return NotFound();
        }

        Banner = await banner.LoadAsync(child, cancellationToken);
        if (!await referrals.MayChangeAsync(cancellationToken))
        {
            this.ShowRefusal(ReferralAccessHandler.NotTheirs);
            return null;
        }

        MayPlace = true;

        var referral = await db.PlacementReferrals.AsNoTracking().SingleAsync(r => r.Id == referralId, cancellationToken);
        var area = await db.People.Where(p => p.Id == child).Select(p => p.AreaId).SingleAsync(cancellationToken);
        var setting = settingId is { } s
            ? await db.PlacementSettings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == new SettingId(s) && x.AreaId == area, cancellationToken)
            : null;
        if (setting is null)
        {
            return NotFound();
        }

        Input.Version ??= referral.Version;
        SettingName = setting.Name;
        DefaultType = PlacementCodes.DefaultFor(setting.Type);
        IsManager = await referrals.IsManagerAsync(cancellationToken);
        var match = await matching.MatchAsync(referral, [setting.Id], cancellationToken);
        if (match.Result.Options is [var option, ..])
        {
            Warnings = ReferralMatchingHandler.WarningsOf(option);
        }
        else
        {
            var why = match.Result.Exclusions.Settings.FirstOrDefault(e => e.SettingId == setting.Id);
            Excluded = string.Join(", ", match.Result.Exclusions.Describe(why.Reasons));
        }

        return null;
    }

    public sealed class AdmissionInput
    {
        public Guid? SettingId { get; set; }

        [Display(Name = "Date the placement starts")]
        public DateOnly? StartedOn { get; set; }

        public bool Emergency { get; set; }

        public string? PlacementType { get; set; }

        public FamilyInformed? FamilyInformed { get; set; }

        public bool FamilyConsulted { get; set; }

        public string? FamilyNote { get; set; }

        public string? OverrideReason { get; set; }

        public int? Version { get; set; }
    }
}
