using Cairn.Domain.Time;

namespace Cairn.Domain.Placements;

/// <summary>
/// What the placement tracking panel decided for a child waiting for a placement, or in an interim or unsuitable one (L39): the
/// decision, the professional who owns it, and the date the panel reviews it. Recorded by children's social care managers; changed
/// with a version, never overwritten unseen. The child's latest decision is the one the panel shows.
/// </summary>
public sealed class PanelDecision
{
    public const int MinDecisionLength = 10;
    public const int MaxDecisionLength = 2000;

    public static Refusal Stale => Refusal.Conflict("this panel decision");

    private PanelDecision()
    {
        Decision = "";
    }

    public PanelDecisionId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public string Decision { get; private set; }
    public ProfessionalId OwnerId { get; private set; }
    public DateOnly ReviewOn { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Whether the review date has passed on <paramref name="today"/>.</summary>
    public bool OverdueOn(DateOnly today) => ReviewOn < today;

    public static Outcome<PanelDecision> Record(PersonId child, string? decision, ProfessionalId? owner, DateOnly? reviewOn, ProfessionalId by,
        DateTimeOffset now)
    {
        var decided = new PanelDecision { Id = PanelDecisionId.New(), ChildId = child, RecordedBy = by, RecordedAt = now };
        return decided.Apply(decision, owner, reviewOn, now) is { } refusal ? refusal : decided;
    }

    /// <summary>Changes the decision, its owner or review date; refused when someone changed it since it was read.</summary>
    public Refusal? Change(string? decision, ProfessionalId? owner, DateOnly? reviewOn, int? expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Apply(decision, owner, reviewOn, now) is { } refusal)
        {
            return refusal;
        }

        RecordedBy = by;
        RecordedAt = now;
        Version++;
        return null;
    }

    private Refusal? Apply(string? decision, ProfessionalId? owner, DateOnly? reviewOn, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var text = decision?.Trim();
        if (text is null || text.Length < MinDecisionLength || text.Length > MaxDecisionLength)
        {
            errors.Add(new("Decision", $"Enter the panel's decision in {MinDecisionLength} to {MaxDecisionLength:N0} characters"));
        }

        if (owner is null)
        {
            errors.Add(new("OwnerId", "Select who owns the decision"));
        }

        var today = now.InLondon();
        if (reviewOn is not { } on || on < today || on > today.AddDays(366))
        {
            errors.Add(new("ReviewOn", "The review date must be from today to a year ahead"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        Decision = text!;
        OwnerId = owner!.Value;
        ReviewOn = reviewOn!.Value;
        return null;
    }
}
