using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.StrategyDiscussions;

public sealed record StrategyDiscussionView(StrategyDiscussionId Id, PersonId ChildId, string ChildName, ContactId ContactId, StrategyDiscussionStatus Status,
    DateTimeOffset RequiredAt, DateTimeOffset DueAt, bool Overdue, int EscalationLevel, DateTimeOffset? HeldAt, bool ByPhone, IReadOnlyList<StrategyAttendee> Attendees,
    bool? StartSection47, string? Decision, string? RecordedBy, int Version, bool MayRecord);

public sealed record AttendeeInput(string? Name, AgencyKind? Agency, string? Role, ProfessionalId? ProfessionalId);

public sealed record RecordStrategyDiscussionCommand
{
    [Required]
    public DateTimeOffset? HeldAt { get; init; }

    public bool ByPhone { get; init; }

    public IReadOnlyList<AttendeeInput> Attendees { get; init; } = [];

    public bool? StartSection47 { get; init; }

    [StringLength(ContactDraft.MaxConcernsLength)]
    public string? Decision { get; init; }

    [Required]
    public int? Version { get; init; }
}

public sealed record RecordedStrategyDiscussion(StrategyDiscussionId Id, StrategyDiscussionStatus Status, int Version, string? LegalStatusNote);

/// <summary>
/// Strategy discussions (L17): recorded by children's social care, with who took part from social care, police and health
/// at least. A decision to start a section 47 enquiry records it as the child's legal status; nothing else can (the
/// legal status page refuses a section 47 enquiry without one).
/// </summary>
public sealed class StrategyDiscussionHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<bool> MayRecordAsync(CancellationToken cancellationToken) =>
        await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare, cancellationToken);

    public async Task<StrategyDiscussionView?> ViewAsync(StrategyDiscussionId id, CancellationToken cancellationToken)
    {
        var d = await db.StrategyDiscussions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null || !(await access.OpenAsync(d.ChildId, cancellationToken)).Allowed)
        {
            return null;
        }

        audit.Record("strategy-discussion.view", d.ChildId, "strategy-discussion", id.Value);
        await db.SaveChangesAsync(cancellationToken);
        var child = await db.People.AsNoTracking().Where(p => p.Id == d.ChildId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        var recorder = d.RecordedBy is { } r ? await db.Professionals.AsNoTracking().Where(p => p.Id == r).Select(p => p.Name).SingleAsync(cancellationToken) : null;
        return new StrategyDiscussionView(d.Id, d.ChildId, child, d.ContactId, d.Status, d.RequiredAt, d.DueAt, d.IsOverdue(clock.GetUtcNow()), d.EscalationLevel, d.HeldAt, d.ByPhone,
            d.Attendees, d.StartSection47, d.Decision, recorder, d.Version, d.Status == StrategyDiscussionStatus.Required && await MayRecordAsync(cancellationToken));
    }

    public async Task<Outcome<RecordedStrategyDiscussion>?> RecordAsync(StrategyDiscussionId id, RecordStrategyDiscussionCommand command, CancellationToken cancellationToken)
    {
        var d = await db.StrategyDiscussions.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null || !(await access.OpenAsync(d.ChildId, cancellationToken)).Allowed)
        {
            return null;
        }

        if (!await MayRecordAsync(cancellationToken))
        {
            return Refusal.Of("StrategyDiscussion", "Only children's social care can record a strategy discussion. Tell the allocated social worker or the front door what was agreed.");
        }

        if (command.Attendees.Any(a => !string.IsNullOrWhiteSpace(a.Name) && (a.Agency is not { } k || !Enum.IsDefined(k))))
        {
            return Refusal.Of("Attendees", "Select the agency of each person who took part");
        }

        var attendees = command.Attendees.Where(a => !string.IsNullOrWhiteSpace(a.Name))
            .Select(a => new StrategyAttendee(a.Name!, a.Agency!.Value, a.Role ?? "", a.ProfessionalId)).ToList();
        var now = clock.GetUtcNow();
        if (d.Record(command.HeldAt, command.ByPhone, attendees, command.StartSection47, command.Decision, user.ProfessionalId, command.Version ?? -1, now) is { } refusal)
        {
            return refusal;
        }

        audit.Record("strategy-discussion.record", d.ChildId, "strategy-discussion", id.Value);
        string? note = null;
        if (d.StartSection47 == true)
        {
            var current = await db.LegalStatuses.Where(l => l.ChildId == d.ChildId && l.To == null).FirstOrDefaultAsync(cancellationToken);
            if (current?.Kind is LegalStatusKind.ChildProtectionPlan or LegalStatusKind.LookedAfterCareOrder or LegalStatusKind.LookedAfterInterimCareOrder
                or LegalStatusKind.LookedAfterSection20 or LegalStatusKind.Section47Enquiry)
            {
                note = $"Legal status stays {Shared.Display.Text(current.Kind)}";
            }
            else
            {
                var change = LegalStatus.Change(current, d.ChildId, LegalStatusKind.Section47Enquiry, null, d.HeldAt!.Value.InLondon(),
                    "Strategy discussion decided to start a section 47 enquiry", user.ProfessionalId, now);
                if (change.Value is { } status)
                {
                    db.LegalStatuses.Add(status);
                    audit.Record("legal-status.change", d.ChildId, "legal-status", status.Id.Value);
                    note = "Legal status is now Section 47 enquiry";
                }
                else
                {
                    note = $"Legal status not changed: {change.Refusal!.Errors[0].Message}";
                }
            }
        }

        var agency = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => new { a.Id, a.Kind }).SingleAsync(cancellationToken);
        var content = new ChronologyContent(d.HeldAt!.Value, ChronologyCategory.Meeting, Significance.Significant, d.ByPhone ? ContactMode.Phone : null, null,
            $"Strategy discussion held{(d.ByPhone ? " by phone" : "")}: {(d.StartSection47 == true ? "section 47 enquiry to start" : "no section 47 enquiry")}",
            $"{d.Decision}\n\nStrategy discussion: /strategy-discussions/{d.Id.Value}", null);
        if (ChronologyEntry.Record(content, [(d.ChildId, true)], agency.Id, agency.Kind, user.ProfessionalId, now).Value is { } entry)
        {
            db.ChronologyEntries.Add(entry);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<RecordedStrategyDiscussion>.Success(new RecordedStrategyDiscussion(d.Id, d.Status, d.Version, note));
    }
}
