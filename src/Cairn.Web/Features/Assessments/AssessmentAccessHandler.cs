using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Assessments;

/// <summary>What a change to an assessment left: where it stands now and the version to send next.</summary>
public sealed record ChangedAssessment(AssessmentId Id, PersonId ChildId, AssessmentStatus Status, DateOnly? DueOn, int Version)
{
    public static ChangedAssessment Of(Assessment a) => new(a.Id, a.ChildId, a.Status, a.DueOn, a.Version);
}

/// <summary>
/// Whether an assessment can be relied on today (L25), as every page and the API show it: in progress (not yet authorised),
/// current until a date, or out of date since then; with the area's period for its type.
/// </summary>
public sealed record CurrencyView(AssessmentCurrencyState State, DateOnly? CurrentUntil, int Months)
{
    public static CurrencyView Of(Assessment a, AssessmentCurrency currency, DateOnly today) =>
        new(a.CurrencyOn(today, currency), a.CurrentUntil(currency), currency.MonthsFor(a.Type));

    /// <summary>In words: "Current until 3 March 2027", "Out of date since 3 March 2027", "Not yet authorised".</summary>
    public string Words => State switch
    {
        AssessmentCurrencyState.Current => $"Current until {Shared.Display.Date(CurrentUntil)}",
        AssessmentCurrencyState.OutOfDate => $"Out of date: it was current until {Shared.Display.Date(CurrentUntil)}",
        _ => "Not yet authorised: nothing to rely on yet",
    };
}

/// <summary>Which step a change is: working on the assessment (update, submit) or deciding on it (authorise, return).</summary>
public enum AssessmentStep
{
    Work = 1,
    Decide = 2,
}

/// <summary>
/// What the assessment slices share (L25, L26, L27): who may work on or decide an assessment, its currency, and the one path
/// every change to an existing assessment takes (read, check access, change, audit, save or conflict).
/// Reading needs the child's record (<see cref="RecordAccessService"/>). Updating and submitting: the lead, or someone in the
/// lead's agency who may open the record. Authorising and returning: a team manager in the lead's agency who may open the
/// record, never whoever submitted it (the domain refuses that).
/// </summary>
public sealed class AssessmentAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    public const string NotTheirWork = "Only the lead, or someone in the lead's agency, can change or submit this assessment";
    public const string NotTheirDecision = "Only a team manager in the lead's agency can authorise or return this assessment";

    /// <summary>The child an assessment is about; null when there is no such assessment.</summary>
    public async Task<PersonId?> ChildOfAsync(AssessmentId id, CancellationToken cancellationToken) =>
        await db.Assessments.AsNoTracking().Where(a => a.Id == id).Select(a => (PersonId?)a.ChildId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether the viewer may update or submit an assessment with this lead (they may already open the record).</summary>
    public bool MayWork(ProfessionalId lead, AgencyId leadAgency) => user.ProfessionalId == lead || user.AgencyId == leadAgency;

    /// <summary>Whether the viewer may authorise or return an assessment led from this agency (they may already open the record).</summary>
    public bool MayDecide(AgencyId leadAgency) => user.Has(Role.TeamManager) && user.AgencyId == leadAgency;

    /// <summary>The viewer's agency's kind: it decides which types they may record (<see cref="AssessmentTypes.MayBeRecordedBy"/>).</summary>
    public Task<AgencyKind> AgencyKindAsync(CancellationToken cancellationToken) =>
        db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.Kind).SingleAsync(cancellationToken);

    /// <summary>The currency periods of the area the child's record belongs to.</summary>
    public Task<AssessmentCurrency> CurrencyForChildAsync(PersonId child, CancellationToken cancellationToken) =>
        AreaAssessmentCurrency.ForChildAsync(db, child, cancellationToken);

    public DateOnly Today => clock.Today();

    /// <summary>The agencies of the child's area, by name: those that may have contributed to an assessment.</summary>
    public async Task<IReadOnlyList<(AgencyId Id, string Name)>> AgenciesOfChildsAreaAsync(PersonId child, CancellationToken cancellationToken) =>
        (await db.Agencies.AsNoTracking().Where(g => db.People.Any(p => p.Id == child && p.AreaId == g.AreaId))
            .Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken))
        .OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => (g.Id, g.Name)).ToList();

    /// <summary>
    /// Changes an existing assessment: not found when it does not exist or the viewer may not open the child's record;
    /// refused when the step is not theirs (403); otherwise <paramref name="change"/> changes it and the change is audited
    /// under <paramref name="action"/> (with the status, never the text) and saved, or answered with a conflict. Every
    /// refusal is audited under the same action (<see cref="RefusedChanges"/>).
    /// </summary>
    public async Task<Handled<ChangedAssessment>> ChangeAsync(AssessmentId id, string action, AssessmentStep step,
        Func<Assessment, DateTimeOffset, Refusal?> change, CancellationToken cancellationToken)
    {
        if (await ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return Handled.NotFound;
        }

        if (!(await access.OpenAsync(child, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await ChangeAssessmentAsync(id, action, step, change, cancellationToken)
            .AuditRefusalAsync(audit, action, child, "assessment", id.Value, cancellationToken);
    }

    private async Task<Handled<ChangedAssessment>> ChangeAssessmentAsync(AssessmentId id, string action, AssessmentStep step,
        Func<Assessment, DateTimeOffset, Refusal?> change, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.Include(a => a.Events).SingleAsync(a => a.Id == id, cancellationToken);
        if (step == AssessmentStep.Work && !MayWork(assessment.LeadId, assessment.LeadAgencyId))
        {
            return Refusal.NotAllowed("Status", NotTheirWork);
        }

        if (step == AssessmentStep.Decide && !MayDecide(assessment.LeadAgencyId))
        {
            return Refusal.NotAllowed("Status", NotTheirDecision);
        }

        if (change(assessment, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record(action, assessment.ChildId, "assessment", id.Value, detail: assessment.Status.ToString());
        return await db.SaveOrConflictAsync(Assessment.Stale, cancellationToken) is { } conflict
            ? conflict
            : ChangedAssessment.Of(assessment);
    }
}
