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

namespace Cairn.Web.Features.FrontDoor.RecordStrategyDiscussion;

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
/// Records a strategy discussion as held (L17): by children's social care, with who took part from social care, police
/// and health at least. A decision to start a section 47 enquiry records it as the child's legal status; nothing else
/// can (the legal status page refuses a section 47 enquiry without one).
/// </summary>
public sealed class RecordStrategyDiscussionHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    private const string NotSocialCare = "Only children's social care can record a strategy discussion. "
        + "Tell the allocated social worker or the front door what was agreed.";

    /// <returns>Not found when the discussion does not exist or the caller may not open the child's record.</returns>
    public async Task<Handled<RecordedStrategyDiscussion>> RecordAsync(StrategyDiscussionId id, RecordStrategyDiscussionCommand command,
        CancellationToken cancellationToken)
    {
        var d = await db.StrategyDiscussions.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null || !(await access.OpenAsync(d.ChildId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await RecordDiscussionAsync(d, command, cancellationToken).AuditRefusalAsync(audit, "strategy-discussion.record", d.ChildId,
            "strategy-discussion", id.Value, cancellationToken);
    }

    private async Task<Handled<RecordedStrategyDiscussion>> RecordDiscussionAsync(StrategyDiscussion d, RecordStrategyDiscussionCommand command,
        CancellationToken cancellationToken)
    {
        if (!await db.MayRecordStrategyDiscussionAsync(user, cancellationToken))
        {
            return Refusal.Of("StrategyDiscussion", NotSocialCare);
        }

        if (command.Attendees.Any(a => !string.IsNullOrWhiteSpace(a.Name) && (a.Agency is not { } k || !Enum.IsDefined(k))))
        {
            return Refusal.Of("Attendees", "Select the agency of each person who took part");
        }

        var attendees = command.Attendees.Where(a => !string.IsNullOrWhiteSpace(a.Name))
            .Select(a => new StrategyAttendee(a.Name!, a.Agency!.Value, a.Role ?? "", a.ProfessionalId)).ToList();
        var now = clock.GetUtcNow();
        if (d.Record(command.HeldAt, command.ByPhone, attendees, command.StartSection47, command.Decision, user.ProfessionalId,
                command.Version ?? -1, now) is { } refusal)
        {
            return refusal;
        }

        audit.Record("strategy-discussion.record", d.ChildId, "strategy-discussion", d.Id.Value);
        var note = d.StartSection47 == true ? await StartSection47Async(d, now, cancellationToken) : null;
        await RecordInChronologyAsync(d, now, cancellationToken);
        if (await db.SaveOrConflictAsync(StrategyDiscussion.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new RecordedStrategyDiscussion(d.Id, d.Status, d.Version, note);
    }

    /// <summary>The section 47 enquiry the discussion decided on, as the child's legal status, unless a plan or care already holds.</summary>
    private async Task<string> StartSection47Async(StrategyDiscussion d, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await db.LegalStatuses.Where(l => l.ChildId == d.ChildId && l.To == null).FirstOrDefaultAsync(cancellationToken);
        if (current?.Kind is LegalStatusKind.ChildProtectionPlan or LegalStatusKind.LookedAfterCareOrder
            or LegalStatusKind.LookedAfterInterimCareOrder or LegalStatusKind.LookedAfterSection20 or LegalStatusKind.Section47Enquiry)
        {
            return $"Legal status stays {Shared.Display.Text(current.Kind)}";
        }

        var change = LegalStatus.Change(current, d.ChildId, LegalStatusKind.Section47Enquiry, null, d.HeldAt!.Value.InLondon(),
            "Strategy discussion decided to start a section 47 enquiry", user.ProfessionalId, now);
        if (change.Value is not { } status)
        {
            return $"Legal status not changed: {change.Refusal!.Errors[0].Message}";
        }

        db.LegalStatuses.Add(status);
        audit.Record("legal-status.change", d.ChildId, "legal-status", status.Id.Value);
        return "Legal status is now Section 47 enquiry";
    }

    private async Task RecordInChronologyAsync(StrategyDiscussion d, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => new { a.Id, a.Kind }).SingleAsync(cancellationToken);
        var decided = d.StartSection47 == true ? "section 47 enquiry to start" : "no section 47 enquiry";
        var content = new ChronologyContent(d.HeldAt!.Value, ChronologyCategory.Meeting, Significance.Significant,
            d.ByPhone ? ContactMode.Phone : null, null,
            $"Strategy discussion held{(d.ByPhone ? " by phone" : "")}: {decided}",
            $"{d.Decision}\n\nStrategy discussion: /strategy-discussions/{d.Id.Value}", null);
        if (ChronologyEntry.Record(content, [(d.ChildId, true)], agency.Id, agency.Kind, user.ProfessionalId, now).Value is { } entry)
        {
            db.ChronologyEntries.Add(entry);
        }
    }
}
