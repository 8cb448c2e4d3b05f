using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares;

/// <summary>
/// What follows from each step of a share, in the same unit of work as the step: an entry in every child's
/// chronology (so the record shows what was shared, with whom, and what came of it) and notifications.
/// </summary>
public sealed class ShareSteps(CairnDbContext db, WorkingCalendarSource calendars, AuditLog audit)
{
    public static string Link(ShareId id) => $"/shares/{id.Value}";

    /// <summary>
    /// Sends a followed-through share that Cairn itself raises about one child (a meeting invitation, minutes, a new admission
    /// notice) to one named professional, to be confirmed within its working days on the recipient
    /// area's clock. In the caller's unit of work: the share, an entry in the child's chronology, a notification to the recipient
    /// and an audit entry. Returns the share, or null when the draft is refused (an inactive recipient, say).
    /// </summary>
    public async Task<Share?> SendRoutineAsync(RoutineShare routine, ProfessionalId by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routine);
        var byAgency = await db.Professionals.Where(p => p.Id == by).Select(p => p.AgencyId).SingleAsync(cancellationToken);
        var rules = await AreaOutOfHoursRules.ForAgencyAsync(db, routine.Agency, cancellationToken);
        var subject = routine.Subject.Length <= Share.MaxSubjectLength
            ? routine.Subject
            : routine.Subject[..(Share.MaxSubjectLength - 1)] + "…";
        var draft = new ShareDraft(routine.Kind, new ShareRecipient(routine.Agency, null, routine.To), [routine.ChildId],
            Urgency.WithinWorkingDays, routine.WorkingDays, subject, routine.Message);
        if (Share.Send(draft, by, byAgency, now, await calendars.GetAsync(cancellationToken), rules: rules).Value is not { } share)
        {
            return null;
        }

        db.Shares.Add(share);
        await RecordInChronologyAsync(share, by, $"{routine.What} sent: {share.Subject}", now, cancellationToken);
        Notify(routine.To, "share.sent", $"New {routine.What.ToLowerInvariant()} for you, due within {routine.WorkingDays} working days",
            share.Id, now);
        audit.Record("share.send", routine.ChildId, "share", share.Id.Value, detail: routine.Kind.ToString());
        return share;
    }

    /// <summary>Adds a chronology entry about each child the share concerns, recorded by the professional who took the step.</summary>
    public async Task RecordInChronologyAsync(Share share, ProfessionalId by, string summary, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agency = await db.Professionals.Where(p => p.Id == by)
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { a.Id, a.Kind })
            .SingleAsync(cancellationToken);
        var content = new ChronologyContent(now, ChronologyCategory.InformationShared,
            share.Urgency == Urgency.Immediate ? Significance.Significant : Significance.Routine, null, null,
            summary.Length <= ChronologyContent.MaxSummaryLength ? summary : summary[..(ChronologyContent.MaxSummaryLength - 1)] + "…",
            $"Share: {Link(share.Id)}", null);
        var subjects = share.Children.Select(c => (c.ChildId, true)).ToList();
        var entry = ChronologyEntry.Record(content, subjects, agency.Id, agency.Kind, by, now);
        if (entry.Value is { } recorded)
        {
            db.ChronologyEntries.Add(recorded);
        }
    }

    public void Notify(ProfessionalId to, string kind, string text, ShareId share, DateTimeOffset now) =>
        db.Notifications.Add(Notification.To(to, kind, text, Link(share), now));

    /// <summary>A short description of who a share is for: "Front door team, Children's social care".</summary>
    public async Task<string> DescribeAsync(ShareRecipient recipient, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.Where(a => a.Id == recipient.Agency).Select(a => a.Name).SingleAsync(cancellationToken);
        if (recipient.Professional is { } p)
        {
            return $"{await db.Professionals.Where(x => x.Id == p).Select(x => x.Name).SingleAsync(cancellationToken)}, {agency}";
        }

        if (recipient.Team is { } t)
        {
            return $"{await db.Teams.Where(x => x.Id == t).Select(x => x.Name).SingleAsync(cancellationToken)}, {agency}";
        }

        return agency;
    }
}

/// <summary>
/// A share Cairn raises by itself about one child, to one professional: its kind, who it is for, how many working days they have to
/// confirm it, its subject and message, and what it is called in the chronology and the notification ("Meeting minutes").
/// </summary>
public sealed record RoutineShare(ShareKind Kind, PersonId ChildId, ProfessionalId To, AgencyId Agency, int WorkingDays, string Subject,
    string Message, string What);
