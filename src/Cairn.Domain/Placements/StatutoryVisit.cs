using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Placements;

/// <summary>
/// When a looked-after child's social worker must visit them in a placement (T12–T14), from the Care Planning, Placement and
/// Case Review (England) Regulations 2010, reg 28. The placement plan's five working days (T16) are
/// <see cref="Casework.PlanTimescales.PlacementPlanWorkingDays"/>.
/// </summary>
public static class VisitTimescales
{
    /// <summary>T12: the first visit within one week of the start of any placement.</summary>
    public const int FirstVisitDays = 7;

    /// <summary>T13: then at intervals of no more than six weeks in the placement's first year.</summary>
    public const int FirstYearWeeks = 6;

    /// <summary>
    /// T14: after the first year, three-monthly when the placement is intended to last until the child is 18, otherwise six-weekly.
    /// </summary>
    public const int LongTermMonths = 3;

    /// <summary>The date the next statutory visit is due by, from the placement's start, whether it is long term, and the last visit.</summary>
    public static DateOnly NextDue(DateOnly startedOn, bool longTerm, DateOnly? lastVisitOn)
    {
        if (lastVisitOn is not { } last)
        {
            return startedOn.AddDays(FirstVisitDays);
        }

        var inFirstYear = last < startedOn.AddYears(1);
        return inFirstYear || !longTerm ? last.AddDays(FirstYearWeeks * 7) : last.AddMonths(LongTermMonths);
    }
}

/// <summary>A statutory visit not made in time, climbing the escalation ladder (T12–T14).</summary>
public sealed record VisitEscalation(PlacementId Id, PersonId ChildId, int Level, EscalationAudience Audience, DateTimeOffset DueAt);

/// <summary>
/// One statutory visit to a looked-after child in their placement (T12–T14, L54): the date, whether the child was seen alone (and
/// why not, if not) and what the child said. Recorded, never deleted.
/// </summary>
public sealed class StatutoryVisit
{
    public const int MaxTextLength = 4000;

    private StatutoryVisit()
    {
        ChildsViews = "";
    }

    public Guid Id { get; private set; }
    public PlacementId PlacementId { get; private set; }
    public PersonId ChildId { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public bool SeenAlone { get; private set; }
    public string? NotSeenAloneReason { get; private set; }

    /// <summary>What the child said (L54): never logged.</summary>
    public string ChildsViews { get; private set; }

    public ProfessionalId VisitedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Records a visit to the child in a placement: on a date within the placement and not in the future, with the child's views,
    /// and — if the child was not seen alone — why not.
    /// </summary>
    public static Outcome<StatutoryVisit> Record(Placement placement, DateOnly? visitedOn, bool seenAlone, string? notSeenAloneReason,
        string? childsViews, ProfessionalId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var errors = new List<FieldError>();
        if (visitedOn is not { } on)
        {
            errors.Add(new("VisitedOn", "Enter the date of the visit"));
        }
        else if (on < placement.StartedOn || on > now.InLondon() || (placement.EndedOn is { } ended && on > ended))
        {
            errors.Add(new("VisitedOn", "The visit must be during the placement and not in the future"));
        }

        var views = childsViews?.Trim() ?? "";
        if (views.Length == 0)
        {
            errors.Add(new("ChildsViews", "Record what the child said, or how they showed their views"));
        }
        else if (views.Length > MaxTextLength)
        {
            errors.Add(new("ChildsViews", $"Use {MaxTextLength:N0} characters or fewer"));
        }

        var reason = notSeenAloneReason?.Trim();
        if (!seenAlone && string.IsNullOrEmpty(reason))
        {
            errors.Add(new("NotSeenAloneReason", "Say why the child was not seen alone"));
        }
        else if (reason?.Length > MaxTextLength)
        {
            errors.Add(new("NotSeenAloneReason", $"Use {MaxTextLength:N0} characters or fewer"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return new StatutoryVisit
        {
            Id = Guid.CreateVersion7(),
            PlacementId = placement.Id,
            ChildId = placement.ChildId,
            VisitedOn = visitedOn!.Value,
            SeenAlone = seenAlone,
            NotSeenAloneReason = seenAlone ? null : reason,
            ChildsViews = views,
            VisitedBy = by,
            RecordedAt = now,
        };
    }
}
