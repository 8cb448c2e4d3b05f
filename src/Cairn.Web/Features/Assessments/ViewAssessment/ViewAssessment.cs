using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Assessments.ViewAssessment;

public sealed record AssessmentLeadView(ProfessionalId Id, string Name, string JobTitle, string Agency);

public sealed record AgencyView(AgencyId Id, string Name);

public sealed record AssessmentEventView(AssessmentEventKind Kind, string By, DateTimeOffset At, string? Note);

/// <summary>One assessment with every section, its due date and whether it is late, its currency (L25) and its history.</summary>
public sealed record AssessmentDetails
{
    public required AssessmentId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required AssessmentType Type { get; init; }
    public required string TypeName { get; init; }
    public AssessmentBasis? Basis { get; init; }
    public PersonId? SubjectId { get; init; }
    public string? SubjectName { get; init; }
    public required DateOnly StartedOn { get; init; }
    public ContactId? ReferralId { get; init; }
    public Section47EnquiryId? EnquiryId { get; init; }
    public required AssessmentLeadView Lead { get; init; }
    public required IReadOnlyList<AgencyView> ContributingAgencies { get; init; }
    public string? VoiceOfChild { get; init; }
    public string? Health { get; init; }
    public bool? GpInvolved { get; init; }

    /// <summary>No GP involvement recorded (L26): a flag on the assessment, never a refusal.</summary>
    public required bool NoGpInvolvement { get; init; }
    public string? Findings { get; init; }
    public string? Analysis { get; init; }
    public string? Recommendations { get; init; }
    public DateOnly? DueOn { get; init; }
    public required bool IsOverdue { get; init; }
    public required int EscalationLevel { get; init; }
    public required AssessmentStatus Status { get; init; }
    public string? SubmittedBy { get; init; }
    public string? LateReason { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public string? AuthorisedBy { get; init; }
    public DateTimeOffset? AuthorisedAt { get; init; }
    public required CurrencyView Currency { get; init; }
    public required int Version { get; init; }
    public required bool MayUpdate { get; init; }
    public required bool MayDecide { get; init; }
    public required IReadOnlyList<AssessmentEventView> History { get; init; }
}

/// <summary>Reads one assessment for anyone who may open the child's record; every read is audited.</summary>
public sealed class ViewAssessmentHandler(CairnDbContext db, RecordAccessService access, AssessmentAccessHandler assessments, AuditLog audit)
{
    /// <returns>Null when the assessment does not exist or the viewer may not open the child's record.</returns>
    public async Task<AssessmentDetails?> HandleAsync(AssessmentId id, CancellationToken cancellationToken)
    {
        if (await assessments.ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return null;
        }

        var decision = await access.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("assessment.view", child, decision.Reason.ToString(), cancellationToken);
        var a = await db.Assessments.AsNoTracking().Include(x => x.Events).SingleAsync(x => x.Id == id, cancellationToken);
        var people = a.Events.Select(e => e.By).Append(a.LeadId).Concat(new[] { a.SubmittedBy, a.AuthorisedBy }.OfType<ProfessionalId>())
            .Distinct().ToList();
        var professionals = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id))
            .Join(db.Agencies, p => p.AgencyId, g => g.Id, (p, g) => new AssessmentLeadView(p.Id, p.Name, p.JobTitle, g.Name))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var agencyIds = a.ContributingAgencies.ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(g => agencyIds.Contains(g.Id)).Select(g => new AgencyView(g.Id, g.Name))
            .ToListAsync(cancellationToken);
        var subject = a.SubjectId is { } s
            ? await db.People.AsNoTracking().Where(p => p.Id == s).Select(p => p.GivenName + " " + p.FamilyName)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var today = assessments.Today;
        var currency = await assessments.CurrencyForChildAsync(child, cancellationToken);
        string? Name(ProfessionalId? p) => p is { } x && professionals.TryGetValue(x, out var v) ? v.Name : null;
        return new AssessmentDetails
        {
            Id = a.Id,
            ChildId = a.ChildId,
            Type = a.Type,
            TypeName = a.TypeName,
            Basis = a.Basis,
            SubjectId = a.SubjectId,
            SubjectName = subject,
            StartedOn = a.StartedOn,
            ReferralId = a.ReferralId,
            EnquiryId = a.EnquiryId,
            Lead = professionals[a.LeadId],
            ContributingAgencies = agencies.OrderBy(g => g.Name, StringComparer.Ordinal).ToList(),
            VoiceOfChild = a.VoiceOfChild,
            Health = a.Health,
            GpInvolved = a.GpInvolved,
            NoGpInvolvement = a.NoGpInvolvement,
            Findings = a.Findings,
            Analysis = a.Analysis,
            Recommendations = a.Recommendations,
            DueOn = a.DueOn,
            IsOverdue = a.IsOverdue(today),
            EscalationLevel = a.EscalationLevel,
            Status = a.Status,
            SubmittedBy = Name(a.SubmittedBy),
            LateReason = a.LateReason,
            CompletedOn = a.CompletedOn,
            AuthorisedBy = Name(a.AuthorisedBy),
            AuthorisedAt = a.AuthorisedAt,
            Currency = CurrencyView.Of(a, currency, today),
            Version = a.Version,
            MayUpdate = assessments.MayWork(a.LeadId, a.LeadAgencyId),
            MayDecide = assessments.MayDecide(a.LeadAgencyId),
            History = a.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new AssessmentEventView(e.Kind, Name(e.By) ?? "", e.At, e.Note)).ToList(),
        };
    }
}

public sealed class ViewAssessmentEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/assessments/{id:guid}", GetAsync)
            .WithName("GetAssessment")
            .WithSummary("One assessment: every section, the due date and whether it is overdue, \"no GP involvement recorded\" (L26), its "
                         + "currency (current until / out of date, L25), whether you may update or decide it, and its history.")
            .WithTags("Assessments");

    private static async Task<Results<Ok<AssessmentDetails>, NotFound>> GetAsync(Guid id, ViewAssessmentHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new AssessmentId(id), cancellationToken) is { } a ? TypedResults.Ok(a) : TypedResults.NotFound();
}
