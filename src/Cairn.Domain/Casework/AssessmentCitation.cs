using Cairn.Domain.Time;

namespace Cairn.Domain.Casework;

/// <summary>What rests on an assessment (L27): a plan, a referral to the front door, or another assessment.</summary>
public enum CitedByKind
{
    Plan = 1,
    Contact = 2,
    Assessment = 3,
    /// <summary>A placement referral: an out-of-date assessment needs a manager's override on the referral, not a note here.</summary>
    PlacementReferral = 4,
}

/// <summary>
/// A record that something rests on an assessment (L25, L27): the map shows what depends on what. An assessment past its
/// currency period can be cited only with a note saying why it is still relied on, and the citation keeps that it was out of
/// date when cited; an assessment not yet authorised cannot be cited at all.
/// </summary>
public sealed class AssessmentCitation
{
    public const int MaxNoteLength = 2000;
    public const int MinNoteLength = 20;

    private AssessmentCitation()
    {
    }

    public long Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public AssessmentId AssessmentId { get; private set; }
    public CitedByKind CitedByKind { get; private set; }
    public Guid CitedById { get; private set; }
    public bool OutOfDateWhenCited { get; private set; }
    public string? Note { get; private set; }
    public ProfessionalId CitedBy { get; private set; }
    public DateTimeOffset CitedAt { get; private set; }

    public static Outcome<AssessmentCitation> Cite(Assessment assessment, AssessmentCurrency currency, CitedByKind kind, Guid citedById,
        string? note, ProfessionalId by, DateTimeOffset now, string field = "AssessmentIds")
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var state = assessment.CurrencyOn(now.InLondon(), currency);
        if (state == AssessmentCurrencyState.InProgress)
        {
            return Refusal.Of(field,
                $"The {assessment.TypeName.ToLowerInvariant()} is not authorised yet: only a completed assessment can be relied on");
        }

        if (state == AssessmentCurrencyState.OutOfDate && kind != CitedByKind.PlacementReferral
                                                        && (string.IsNullOrWhiteSpace(note) || note.Trim().Length < MinNoteLength))
        {
            return Refusal.Of(field,
                $"The {assessment.TypeName.ToLowerInvariant()} completed on {assessment.CompletedOn:d MMMM yyyy} is out of date "
                + $"(current until {assessment.CurrentUntil(currency):d MMMM yyyy}). Update it, or say why it is still relied on.");
        }

        if (note?.Trim().Length > MaxNoteLength)
        {
            return Refusal.Of(field, $"The note must be {MaxNoteLength:N0} characters or fewer");
        }

        return new AssessmentCitation
        {
            ChildId = assessment.ChildId,
            AssessmentId = assessment.Id,
            CitedByKind = kind,
            CitedById = citedById,
            OutOfDateWhenCited = state == AssessmentCurrencyState.OutOfDate,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            CitedBy = by,
            CitedAt = now,
        };
    }
}

/// <summary>
/// Parenting capacity (L32): where a child has a child protection plan or pre-proceedings work, each parent or carer in the
/// child's household needs a current, authorised parenting capacity assessment; those without one are shown as missing.
/// </summary>
public static class ParentingCapacity
{
    /// <summary>The parents or carers with no current parenting capacity assessment, in the order given.</summary>
    public static IReadOnlyList<PersonId> Missing(bool required, IEnumerable<PersonId> parentsInHousehold, IEnumerable<Assessment> assessments,
        AssessmentCurrency currency, DateOnly today)
    {
        if (!required)
        {
            return [];
        }

        var covered = assessments
            .Where(a => a.Type == AssessmentType.ParentingCapacity && a.SubjectId is not null
                                                                    && a.CurrencyOn(today, currency) == AssessmentCurrencyState.Current)
            .Select(a => a.SubjectId!.Value)
            .ToHashSet();
        return parentsInHousehold.Distinct().Where(p => !covered.Contains(p)).ToList();
    }
}
