using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Disagreements;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Disagreements.YourDisagreements;

public sealed record DisagreementListItem
{
    public required DisagreementId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required string ChildName { get; init; }
    public required string Decision { get; init; }
    public required DisagreementStatus Status { get; init; }
    public required DisagreementStage Stage { get; init; }
    public required string Owner { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required bool Overdue { get; init; }
    public required bool FlaggedForPartnership { get; init; }
}

/// <summary>
/// Open disagreements the professional owns the current stage of; every disagreement they raised; and, for a
/// safeguarding lead, open ones in their area flagged for the partnership.
/// </summary>
public sealed record DisagreementList(IReadOnlyList<DisagreementListItem> ToActOn, IReadOnlyList<DisagreementListItem> Raised,
    IReadOnlyList<DisagreementListItem> FlaggedForPartnership);

/// <summary>
/// The signed-in professional's disagreements. Only ones they are party to are listed (and, for a safeguarding lead,
/// whose reach is the whole area anyway, flagged ones in the area), so the list shows nothing they could not open.
/// </summary>
public sealed class YourDisagreementsHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<DisagreementList> HandleAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var area = user.AreaId;
        var lead = user.Has(Role.SafeguardingLead);
        var now = clock.GetUtcNow();
        var rows = await db.Disagreements.AsNoTracking()
            .Join(db.People, d => d.ChildId, p => p.Id, (d, p) => new { d, p.GivenName, p.FamilyName, p.AreaId })
            .Where(x => (x.d.OwnerId == me && x.d.Status == DisagreementStatus.Open) || x.d.RaisedBy == me
                || (lead && x.AreaId == area && x.d.Status == DisagreementStatus.Open && x.d.PartnershipFlaggedAt != null))
            .Join(db.Professionals, x => x.d.OwnerId, o => o.Id, (x, o) => new
            {
                x.d.Id,
                x.d.ChildId,
                x.GivenName,
                x.FamilyName,
                x.AreaId,
                x.d.Decision,
                x.d.Status,
                x.d.Stage,
                Owner = o.Name,
                x.d.OwnerId,
                x.d.RaisedBy,
                x.d.DueAt,
                x.d.PartnershipFlaggedAt,
            })
            .ToListAsync(cancellationToken);

        audit.Record("disagreements.list.view", null, "disagreement", null, "allowed", $"{rows.Count} disagreements");
        await db.SaveChangesAsync(cancellationToken);

        var items = rows.Select(x => (Row: x, Item: new DisagreementListItem
        {
            Id = x.Id,
            ChildId = x.ChildId,
            ChildName = $"{x.GivenName} {x.FamilyName}",
            Decision = x.Decision,
            Status = x.Status,
            Stage = x.Stage,
            Owner = x.Owner,
            DueAt = x.DueAt,
            Overdue = x.Status == DisagreementStatus.Open && now >= x.DueAt,
            FlaggedForPartnership = x.PartnershipFlaggedAt != null,
        }))
            .OrderBy(x => x.Item.Status).ThenBy(x => x.Item.DueAt)
            .ToList();
        return new DisagreementList(
            items.Where(x => x.Row.OwnerId == me && x.Row.Status == DisagreementStatus.Open).Select(x => x.Item).ToList(),
            items.Where(x => x.Row.RaisedBy == me).Select(x => x.Item).ToList(),
            items.Where(x => lead && x.Row.AreaId == area && x.Row.Status == DisagreementStatus.Open && x.Row.PartnershipFlaggedAt != null)
                .Select(x => x.Item).ToList());
    }
}
