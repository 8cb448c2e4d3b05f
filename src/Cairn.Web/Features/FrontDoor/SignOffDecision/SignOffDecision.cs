using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.SignOffDecision;

public sealed record SignOffDecisionCommand
{
    [StringLength(4000)]
    public string? Note { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// A front door manager, not the decision maker, signs a decision off (L20). Sign-off records what follows: the decision
/// in the child's chronology, the child's legal status (never lowered, never over a plan or care), and for a
/// strategy-discussion or immediate-protection outcome, a strategy discussion to hold (L17).
/// </summary>
public sealed class SignOffDecisionHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    WorkingCalendarSource calendars, ConcernEvaluator concerns)
{
    /// <returns>Not found when the contact does not exist or the caller may not open the child's record.</returns>
    public async Task<Handled<TriageResult>> SignOffAsync(ContactId id, SignOffDecisionCommand command, CancellationToken cancellationToken)
    {
        if (await db.ContactToChangeAsync(access, id, cancellationToken) is not { } contact)
        {
            return Handled.NotFound;
        }

        return await SignOffContactAsync(contact, command, cancellationToken).AuditRefusalAsync(audit, "contact.sign-off", contact.ChildId, "contact",
            id.Value, cancellationToken);
    }

    private async Task<Handled<TriageResult>> SignOffContactAsync(Contact contact, SignOffDecisionCommand command,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (contact.SignOff(user.ProfessionalId, user.MaySignOff(), command.Note, command.Version ?? -1, now) is { } refusal)
        {
            return refusal;
        }

        audit.Record("contact.sign-off", contact.ChildId, "contact", contact.Id.Value);
        StrategyDiscussionId? discussion = null;
        if (contact.Outcome is TriageOutcome.StrategyDiscussion or TriageOutcome.ImmediateProtection)
        {
            var area = await db.People.Where(p => p.Id == contact.ChildId).Select(p => p.AreaId).SingleAsync(cancellationToken);
            var required = StrategyDiscussion.Require(contact.ChildId, contact.Id, now, await calendars.GetAsync(cancellationToken),
                await FrontDoorTimescales.StrategyDiscussionWorkingDaysAsync(db, area, cancellationToken));
            db.StrategyDiscussions.Add(required);
            discussion = required.Id;
            audit.Record("strategy-discussion.require", contact.ChildId, "strategy-discussion", required.Id.Value);
        }

        var note = await FeedLegalStatusAsync(contact, now, cancellationToken);
        await RecordDecisionInChronologyAsync(contact, now, cancellationToken);
        // One save with the evaluation queued for the child, as every change about a child does. Another manager's sign-off
        // or return saved after this one read the contact is a conflict, and nothing of this sign-off is kept.
        if (await concerns.SaveAndEvaluateOrConflictAsync([contact.ChildId], Contact.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new TriageResult(contact.Id, contact.Status, contact.Version, discussion, note);
    }

    /// <summary>
    /// What a signed-off decision means for the child's legal status. It only ever moves up from none, early help or child
    /// in need; a child already subject to an enquiry, a plan or care keeps their status (the decision is in the history).
    /// A strategy discussion outcome changes nothing yet: the discussion decides on section 47 (L17).
    /// </summary>
    private async Task<string?> FeedLegalStatusAsync(Contact contact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        LegalStatusKind? target = contact.Outcome switch
        {
            TriageOutcome.EarlyHelp => LegalStatusKind.EarlyHelp,
            TriageOutcome.Assessment => LegalStatusKind.ChildInNeed,
            TriageOutcome.ImmediateProtection => LegalStatusKind.PoliceProtection,
            _ => null,
        };
        if (target is not { } kind)
        {
            return null;
        }

        var current = await db.LegalStatuses.Where(l => l.ChildId == contact.ChildId && l.To == null).FirstOrDefaultAsync(cancellationToken);
        var rank = Rank(current?.Kind ?? LegalStatusKind.None);
        if (rank is null || rank >= Rank(kind))
        {
            return $"Legal status stays {Shared.Display.Text(current!.Kind)}";
        }

        var change = LegalStatus.Change(current, contact.ChildId, kind, null, now.InLondon(),
            $"Front door decision signed off: {Shared.Display.Text(contact.Outcome)}", user.ProfessionalId, now);
        if (change.Value is not { } status)
        {
            return $"Legal status not changed: {change.Refusal!.Errors[0].Message}";
        }

        db.LegalStatuses.Add(status);
        audit.Record("legal-status.change", contact.ChildId, "legal-status", status.Id.Value);
        return $"Legal status is now {Shared.Display.Text(kind)}";
    }

    private static int? Rank(LegalStatusKind kind) => kind switch
    {
        LegalStatusKind.None => 0,
        LegalStatusKind.EarlyHelp => 1,
        LegalStatusKind.ChildInNeed => 2,
        LegalStatusKind.PoliceProtection => 3,
        _ => null,
    };

    private async Task RecordDecisionInChronologyAsync(Contact contact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => new { a.Id, a.Kind }).SingleAsync(cancellationToken);
        var significance = contact.Outcome is TriageOutcome.NoFurtherAction or TriageOutcome.EarlyHelp
            ? Significance.Routine
            : Significance.Significant;
        var level = Shared.Display.Text(contact.Level).ToLowerInvariant();
        var content = new ChronologyContent(now, ChronologyCategory.Decision, significance, null, null,
            $"Front door decision: {TriageWords.Outcome(contact.Outcome)} ({level} level)",
            $"{contact.Reasons}\n\nContact: /contacts/{contact.Id.Value}", null);
        if (ChronologyEntry.Record(content, [(contact.ChildId, true)], agency.Id, agency.Kind, user.ProfessionalId, now).Value is { } entry)
        {
            db.ChronologyEntries.Add(entry);
        }
    }
}
