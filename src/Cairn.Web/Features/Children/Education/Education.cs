using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Education;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Children.Education;

/// <summary>
/// The child's education and complex needs as they are now. Version is the one the person saw: 0 when the child has
/// no education details yet.
/// </summary>
public sealed record RecordEducationCommand
{
    public EducationStatus? Status { get; init; }

    public DateOnly? Since { get; init; }

    public bool HasComplexNeeds { get; init; }

    [StringLength(EducationDraft.MaxComplexNeedsLength)]
    public string? ComplexNeeds { get; init; }

    [StringLength(EducationDraft.MaxReasonLength)]
    public string? Reason { get; init; }

    public int? Version { get; init; }
}

public sealed record EducationRevisionView(int Version, EducationStatus Status, DateOnly Since, bool HasComplexNeeds, string? ComplexNeeds,
    string Reason, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The child's education details now (nulls when none are recorded) and every earlier version, newest first.</summary>
public sealed record EducationDetails(PersonId ChildId, EducationStatus? Status, DateOnly? Since, bool HasComplexNeeds, string? ComplexNeeds,
    int Version, IReadOnlyList<EducationRevisionView> History);

public sealed record ChangedEducation(PersonId ChildId, EducationStatus Status, bool HasComplexNeeds, int Version);

/// <summary>
/// A child's education status and complex needs (L09, L50). Anyone who may open the child's record may read and record
/// them: a school, a health visitor or the SEND team is often the first to know a child has left school.
/// </summary>
public sealed class EducationHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <returns>Null when the child does not exist or the viewer may not see them.</returns>
    public async Task<EducationDetails?> HandleAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("education.view", childId, decision.Reason.ToString(), cancellationToken);
        var record = await db.EducationRecords.AsNoTracking().Include(x => x.Revisions)
            .FirstOrDefaultAsync(x => x.PersonId == childId, cancellationToken);
        if (record is null)
        {
            return new EducationDetails(childId, null, null, false, null, 0, []);
        }

        var people = record.Revisions.Select(r => r.RecordedBy).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new EducationDetails(childId, record.Status, record.Since, record.HasComplexNeeds, record.ComplexNeeds, record.Version,
            record.Revisions.OrderByDescending(r => r.Version)
                .Select(r => new EducationRevisionView(r.Version, r.Status, r.Since, r.HasComplexNeeds, r.ComplexNeeds, r.Reason,
                    names[r.RecordedBy], r.RecordedAt))
                .ToList());
    }

    public async Task<Handled<ChangedEducation>> RecordAsync(PersonId childId, RecordEducationCommand command, CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(childId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await ChangeAsync(childId, command, cancellationToken).AuditRefusalAsync(audit, "education.record", childId, "education",
            childId.Value, cancellationToken);
    }

    private async Task<Handled<ChangedEducation>> ChangeAsync(PersonId childId, RecordEducationCommand command, CancellationToken cancellationToken)
    {
        if (await db.People.Where(p => p.Id == childId).Select(p => p.Kind).SingleAsync(cancellationToken) != PersonKind.Child)
        {
            return Refusal.Of("Status", "Education details are recorded for a child only");
        }

        var draft = new EducationDraft(command.Status, command.Since, command.HasComplexNeeds, command.ComplexNeeds, command.Reason);
        var now = clock.GetUtcNow();
        var record = await db.EducationRecords.Include(x => x.Revisions).FirstOrDefaultAsync(x => x.PersonId == childId, cancellationToken);
        if (record is null)
        {
            if ((command.Version ?? 0) != 0)
            {
                return EducationRecord.Stale;
            }

            var outcome = EducationRecord.Record(childId, draft, user.ProfessionalId, now);
            if (outcome.Refusal is { } refused)
            {
                return refused;
            }

            record = outcome.Value!;
            db.EducationRecords.Add(record);
        }
        else if (record.Change(draft, command.Version ?? 0, user.ProfessionalId, now) is { } refusal)
        {
            return refusal;
        }

        audit.Record("education.record", childId, "education", childId.Value, detail: record.Status.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrency token mismatch, or two people recording the child's first details at once (the key).
            db.ChangeTracker.Clear();
            return EducationRecord.Stale;
        }

        return new ChangedEducation(childId, record.Status, record.HasComplexNeeds, record.Version);
    }
}
