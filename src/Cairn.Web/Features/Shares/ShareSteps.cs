using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Domain.Shares;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares;

/// <summary>
/// What follows from each step of a share, in the same unit of work as the step: an entry in every child's
/// chronology (so the record shows what was shared, with whom, and what came of it) and notifications.
/// </summary>
public sealed class ShareSteps(CairnDbContext db)
{
    public static string Link(ShareId id) => $"/shares/{id.Value}";

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
