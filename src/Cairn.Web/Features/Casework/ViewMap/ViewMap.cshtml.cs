using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Casework.ViewMap;

/// <summary>One bar of the map's timeline: from its start to its end (or today), and how it should look.</summary>
public sealed record TimelineBar(string Label, string Href, DateOnly From, DateOnly To, string Kind, bool OutOfDate);

[Authorize(Policy = Policies.Professional)]
public sealed class ViewMapModel(ViewMapHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public CaseworkMap Map { get; private set; } = null!;

    /// <summary>The timeline's bars, oldest first: assessments to their completion (then their currency), plans from start to end.</summary>
    public IReadOnlyList<TimelineBar> Bars { get; private set; } = [];

    public DateOnly TimelineFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PersonId(id), cancellationToken) is not { } map)
        {
            return NotFound();
        }

        Map = map;
        Banner = await banner.LoadAsync(map.ChildId, cancellationToken);
        var today = map.Today;
        Bars = map.Assessments.Select(a => new TimelineBar(a.Type, $"/assessments/{a.Id.Value}", a.StartedOn,
                Min(a.CurrentUntil ?? a.DueOn ?? today, today) is var end && end < a.StartedOn ? a.StartedOn : end, "assessment",
                a.Currency == Domain.Casework.AssessmentCurrencyState.OutOfDate))
            .Concat(map.Plans.Where(p => p.StartedOn is not null).Select(p => new TimelineBar(p.Type, $"/plans/{p.Id.Value}", p.StartedOn!.Value,
                p.EndedOn ?? today, "plan", false)))
            .Concat(map.Enquiries.Select(e => new TimelineBar("Section 47 enquiry", $"/section-47-enquiries/{e.Id.Value}", e.StartedOn,
                e.StartedOn.AddDays(7) is var end && end > today ? today : end, "enquiry", false)))
            .OrderBy(b => b.From).ToList();
        TimelineFrom = Bars.Count == 0 ? today : Min(Bars[0].From, today.AddMonths(-3));
        return Page();
    }

    /// <summary>Where a date falls across the timeline, as a percentage of its width.</summary>
    public double At(DateOnly date)
    {
        var span = Math.Max(1, Map.Today.DayNumber - TimelineFrom.DayNumber);
        return Math.Clamp((date.DayNumber - TimelineFrom.DayNumber) * 100.0 / span, 0, 100);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
