using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Family;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Assessments.StartAssessment;

public sealed record StartAssessmentCommand
{
    public AssessmentType? Type { get; init; }

    /// <summary>A child and family assessment: under section 17 or section 47.</summary>
    public AssessmentBasis? Basis { get; init; }

    /// <summary>Another agency's assessment: what it is, e.g. "EHCP needs assessment".</summary>
    [StringLength(Assessment.MaxNameLength)]
    public string? Name { get; init; }

    /// <summary>A parenting capacity assessment: the parent or carer of the child assessed (L32).</summary>
    public PersonId? SubjectId { get; init; }

    /// <summary>The start date; ignored when a referral is given (the start is then the day the referral was received).</summary>
    public DateOnly? StartedOn { get; init; }

    /// <summary>A contact about the child: the 45 working days of a child and family assessment run from it (T02).</summary>
    public ContactId? ReferralId { get; init; }

    /// <summary>A section 47 enquiry of the child this assessment is part of.</summary>
    public Section47EnquiryId? EnquiryId { get; init; }

    /// <summary>Who leads it: the person starting it when left out, or someone of their agency in the team around the child.</summary>
    public ProfessionalId? LeadId { get; init; }
}

public sealed record LeadOption(ProfessionalId Id, string Name, string JobTitle);

public sealed record ParentOption(PersonId Id, string Name, string Relationship);

public sealed record ReferralOption(ContactId Id, DateOnly ReceivedOn, string Source);

public sealed record EnquiryOption(Section47EnquiryId Id, DateOnly StartedOn);

/// <summary>What the start form offers for one child: the types the viewer may record, leads, parents or carers, referrals, enquiries.</summary>
public sealed record StartOptions(IReadOnlyList<AssessmentTypeInfo> Types, IReadOnlyList<LeadOption> Leads, IReadOnlyList<ParentOption> Parents,
    IReadOnlyList<ReferralOption> Referrals, IReadOnlyList<EnquiryOption> Enquiries);

/// <summary>
/// Starts an assessment of a child (L25, L26, L27, L32). Anyone who may open the child's record may start one of a type their
/// agency may record (<see cref="AssessmentTypes.MayBeRecordedBy"/>: social-care-only types by children's social care). The
/// lead is the starter, or someone of the starter's agency in the team around the child; the lead's agency leads it. A child
/// and family assessment started from a referral starts on the day the referral was received (London) and is due 45 working
/// days later by the area's calendar, bank holidays counted (T02).
/// </summary>
public sealed class StartAssessmentHandler(CairnDbContext db, RecordAccessService access, AssessmentAccessHandler assessments,
    ConnectedAdultsHandler adults, CurrentUser user, AuditLog audit, WorkingCalendarSource calendars, TimeProvider clock)
{
    public async Task<Handled<ChangedAssessment>> HandleAsync(PersonId childId, StartAssessmentCommand command, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return Handled.NotFound;
        }

        return await StartAsync(childId, command, cancellationToken)
            .AuditRefusalAsync(audit, "assessment.start", childId, "assessment", null, cancellationToken);
    }

    /// <summary>What the start form offers; null when the viewer may not open the child's record.</summary>
    public async Task<StartOptions?> OptionsAsync(PersonId childId, CancellationToken cancellationToken)
    {
        if (!(await access.DecideAsync(childId, cancellationToken)).Allowed)
        {
            return null;
        }

        var kind = await assessments.AgencyKindAsync(cancellationToken);
        var today = clock.Today();
        var me = user.ProfessionalId;
        var agency = user.AgencyId;
        var leads = await db.Professionals.AsNoTracking()
            .Where(p => p.Id == me || (p.IsActive && p.AgencyId == agency && db.Involvements.Any(i => i.ChildId == childId
                && i.ProfessionalId == p.Id && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))))
            .Select(p => new LeadOption(p.Id, p.Name, p.JobTitle))
            .ToListAsync(cancellationToken);
        var carers = (await adults.OfChildrenAsync([childId], today, null, cancellationToken)).Where(c => c.IsCarer).ToList();
        var carerIds = carers.Select(c => c.AdultId).ToList();
        var names = await db.People.AsNoTracking().Where(p => carerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName })
            .ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}", cancellationToken);
        var referrals = (await db.Contacts.AsNoTracking().Where(c => c.ChildId == childId)
                .Select(c => new { c.Id, c.ReceivedAt, c.Source }).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.ReceivedAt)
            .Select(c => new ReferralOption(c.Id, c.ReceivedAt.InLondon(), Shared.Display.Text(c.Source))).ToList();
        var enquiries = (await db.Section47Enquiries.AsNoTracking().Where(e => e.ChildId == childId)
                .Select(e => new EnquiryOption(e.Id, e.StartedOn)).ToListAsync(cancellationToken))
            .OrderByDescending(e => e.StartedOn).ToList();
        return new StartOptions(
            AssessmentTypes.All.Where(t => AssessmentTypes.MayBeRecordedBy(t.Type, kind)).ToList(),
            leads.OrderBy(l => l.Id != me).ThenBy(l => l.Name, StringComparer.Ordinal).ToList(),
            carers.Where(c => names.ContainsKey(c.AdultId)).Select(c => new ParentOption(c.AdultId, names[c.AdultId], c.Words))
                .OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            referrals,
            enquiries);
    }

    private async Task<Handled<ChangedAssessment>> StartAsync(PersonId childId, StartAssessmentCommand command, CancellationToken cancellationToken)
    {
        if (await db.People.Where(p => p.Id == childId).Select(p => p.Kind).SingleAsync(cancellationToken) != PersonKind.Child)
        {
            return Refusal.Of("Type", "An assessment is recorded on a child's record");
        }

        var now = clock.GetUtcNow();
        var today = now.InLondon();
        var errors = new List<FieldError>();
        var kind = await assessments.AgencyKindAsync(cancellationToken);
        var mayRecord = command.Type is not { } type || !Enum.IsDefined(type) || AssessmentTypes.MayBeRecordedBy(type, kind);

        var leadId = command.LeadId ?? user.ProfessionalId;
        var lead = await db.Professionals.AsNoTracking().Where(p => p.Id == leadId && p.IsActive)
            .Select(p => new { p.Id, p.AgencyId }).FirstOrDefaultAsync(cancellationToken);
        var leadInTeam = await db.Involvements.AnyAsync(i => i.ChildId == childId && i.ProfessionalId == leadId && i.StartedOn <= today
                                                             && (i.EndedOn == null || i.EndedOn >= today), cancellationToken);
        if (lead is null || (lead.Id != user.ProfessionalId && (lead.AgencyId != user.AgencyId || !leadInTeam)))
        {
            errors.Add(new("LeadId", "Select yourself, or someone in your agency who is in the team around the child, to lead the assessment"));
            lead = null;
        }

        var startedOn = command.StartedOn;
        if (command.ReferralId is { } referral)
        {
            var received = await db.Contacts.AsNoTracking().Where(c => c.Id == referral && c.ChildId == childId)
                .Select(c => (DateTimeOffset?)c.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
            if (received is { } at)
            {
                // T02: the 45 working days run from the referral, whatever start date was entered.
                startedOn = at.InLondon();
            }
            else
            {
                errors.Add(new("ReferralId", "Select a contact about this child"));
            }
        }

        if (command.EnquiryId is { } enquiry
            && !await db.Section47Enquiries.AnyAsync(e => e.Id == enquiry && e.ChildId == childId, cancellationToken))
        {
            errors.Add(new("EnquiryId", "Select a section 47 enquiry of this child"));
        }

        var subjectIsParent = command.SubjectId is { } subject
                              && (await adults.OfChildrenAsync([childId], today, null, cancellationToken))
                              .Any(c => c.AdultId == subject && c.IsCarer);
        var draft = new AssessmentStart
        {
            Type = command.Type,
            Basis = command.Basis,
            Name = command.Name,
            SubjectId = command.SubjectId,
            SubjectIsParent = subjectIsParent,
            StartedOn = startedOn,
            ReferralId = command.ReferralId,
            EnquiryId = command.EnquiryId,
            Lead = lead?.Id,
            LeadAgency = lead?.AgencyId,
        };
        var outcome = Assessment.Start(childId, draft, mayRecord, await calendars.GetAsync(cancellationToken), user.ProfessionalId, now);
        if (outcome.Refusal is { Kind: RefusalKind.NotAllowed } notAllowed)
        {
            return notAllowed;
        }

        var all = errors.Concat(outcome.Refusal?.Errors ?? []).DistinctBy(e => e.Field).ToList();
        if (Refusal.FromErrors(all) is { } refusal)
        {
            return refusal;
        }

        var assessment = outcome.Value!;
        db.Assessments.Add(assessment);
        audit.Record("assessment.start", childId, "assessment", assessment.Id.Value, detail: assessment.Type.ToString());
        return await db.SaveOrConflictAsync(Assessment.Stale, cancellationToken) is { } conflict
            ? conflict
            : ChangedAssessment.Of(assessment);
    }
}

public sealed class StartAssessmentEndpoints : IEndpoints
{
    private const string Summary = "Starts an assessment of the child: type, basis (s17/s47) for a child and family assessment, name for another "
                                   + "agency's, the parent or carer for parenting capacity, start date (or a referral: the start is the day it was "
                                   + "received), an optional s47 enquiry, and the lead (you by default). A child and family assessment is due 45 "
                                   + "working days from the start (T02). Social-care-only types: children's social care only (403).";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/assessments", async (Guid id, StartAssessmentCommand command, StartAssessmentHandler handler,
                CancellationToken ct) =>
                (await handler.HandleAsync(new PersonId(id), command, ct)).ToCreatedResult(a => $"/api/v1/assessments/{a.Id.Value}"))
            .WithName("StartAssessment")
            .WithSummary(Summary)
            .WithTags("Assessments");
}
