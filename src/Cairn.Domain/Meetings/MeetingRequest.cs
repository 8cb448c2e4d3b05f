using Cairn.Domain.Children;

namespace Cairn.Domain.Meetings;

/// <summary>What starts a meeting's clock, as the scheduler needs it.</summary>
/// <param name="Kind">The kind of meeting to schedule.</param>
/// <param name="Number">Which of its kind in the chain (1 for the first).</param>
/// <param name="Trigger">What triggered it.</param>
/// <param name="TriggerId">The enquiry, plan, placement, proceedings or earlier meeting; null for one someone arranged.</param>
/// <param name="On">The day of the trigger (a strategy discussion, the day a child became looked after, the previous meeting).</param>
/// <param name="At">The moment of the trigger, for an hours timescale (a placement planning meeting's 72 hours).</param>
/// <param name="Timescale">The timescale to count; null for the type's first (or none, for a meeting with no timescale).</param>
public sealed record MeetingTriggerFacts(MeetingKind Kind, int Number, MeetingTrigger Trigger, Guid? TriggerId, DateOnly On, DateTimeOffset At,
    MeetingTimescale? Timescale = null);

/// <summary>One meeting a trigger requires: for which child, from what, and who arranges it.</summary>
public sealed record MeetingRequest(PersonId Child, MeetingTriggerFacts Facts, ProfessionalId Owner);


/// <summary>What counts as becoming looked after: the statuses under which the local authority looks after the child.</summary>
public static class LookedAfter
{
    public static IReadOnlyList<LegalStatusKind> Kinds { get; } =
        [LegalStatusKind.LookedAfterSection20, LegalStatusKind.LookedAfterCareOrder, LegalStatusKind.LookedAfterInterimCareOrder];

    public static bool Is(LegalStatusKind kind) => Kinds.Contains(kind);
}
