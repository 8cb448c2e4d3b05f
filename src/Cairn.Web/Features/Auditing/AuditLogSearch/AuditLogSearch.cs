using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Auditing.AuditLogSearch;

/// <summary>
/// Filters on the audit log. <see cref="Before"/> is the sequence number to continue from (exclusive), for
/// paging back through history without counting it.
/// </summary>
public sealed record AuditQuery(Guid? Person = null, Guid? Actor = null, string? Action = null, bool RefusedOnly = false,
    DateOnly? From = null, DateOnly? To = null, long? Before = null)
{
    public const int PageSize = 50;
}

/// <summary>One line of the log. Names are resolved for display here; the log itself holds only ids.</summary>
public sealed record AuditLine
{
    public required long Sequence { get; init; }
    public required DateTimeOffset At { get; init; }
    public Guid? ActorId { get; init; }
    public string? Actor { get; init; }
    public required string Action { get; init; }
    public Guid? PersonId { get; init; }
    public string? Person { get; init; }
    public string? RecordType { get; init; }
    public Guid? RecordId { get; init; }
    public required string Outcome { get; init; }
    public string? Detail { get; init; }
}

public sealed record AuditResults(IReadOnlyList<AuditLine> Lines, long? Next);

/// <summary>
/// Reads the audit log for safeguarding leads and administrators: who looked at or changed a record, every
/// refused attempt, one professional's activity. Reading the log is itself logged. Names of people are shown
/// only to readers whose role reaches every record in the area; administrators see ids.
/// </summary>
public sealed class AuditLogSearchHandler(CairnDbContext db, CurrentUser user, AuditLog audit)
{
    public async Task<Handled<AuditResults>> HandleAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        if (query.From is { } from && query.To is { } to && from > to)
        {
            return Refusal.Of("To", "The end date must be the same as or after the start date");
        }

        if (query.Action is { Length: > 100 })
        {
            return Refusal.Of("Action", "The action must be 100 characters or fewer");
        }

        audit.Record("audit.search", query.Person is { } p ? new PersonId(p) : null, "audit-log", null, "allowed",
            query.Actor is { } actor ? $"actor:{actor}" : null);
        await db.SaveChangesAsync(cancellationToken);

        var entries = db.AuditEntries.AsNoTracking();
        if (query.Person is { } person)
        {
            entries = entries.Where(e => e.PersonId == person);
        }

        if (query.Actor is { } actorId)
        {
            entries = entries.Where(e => e.ActorId == actorId);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(e => e.Action.StartsWith(action));
        }

        if (query.RefusedOnly)
        {
            entries = entries.Where(e => e.Outcome == "refused" || e.Outcome == "failed");
        }

        if (query.From is { } start)
        {
            var at = Clock.FromLondon(start.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.At >= at);
        }

        if (query.To is { } end)
        {
            var until = Clock.FromLondon(end.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.At < until);
        }

        if (query.Before is { } before)
        {
            entries = entries.Where(e => e.Sequence < before);
        }

        var page = await entries.OrderByDescending(e => e.Sequence).Take(AuditQuery.PageSize + 1).ToListAsync(cancellationToken);
        var more = page.Count > AuditQuery.PageSize;
        page = page.Take(AuditQuery.PageSize).ToList();

        var actors = page.Where(e => e.ActorId is not null).Select(e => new ProfessionalId(e.ActorId!.Value)).Distinct().ToList();
        var actorNames = await db.Professionals.AsNoTracking().Where(x => actors.Contains(x.Id)).ToDictionaryAsync(x => x.Id.Value, x => x.Name,
            cancellationToken);
        var personNames = new Dictionary<Guid, string>();
        if (user.Has(Role.SafeguardingLead))
        {
            var people = page.Where(e => e.PersonId is not null).Select(e => new PersonId(e.PersonId!.Value)).Distinct().ToList();
            personNames = await db.People.AsNoTracking().Where(x => people.Contains(x.Id))
                .ToDictionaryAsync(x => x.Id.Value, x => x.GivenName + " " + x.FamilyName, cancellationToken);
        }

        var lines = page.Select(e => new AuditLine
        {
            Sequence = e.Sequence,
            At = e.At,
            ActorId = e.ActorId,
            Actor = e.ActorId is { } a ? actorNames.GetValueOrDefault(a) : null,
            Action = e.Action,
            PersonId = e.PersonId,
            Person = e.PersonId is { } pid ? personNames.GetValueOrDefault(pid) : null,
            RecordType = e.RecordType,
            RecordId = e.RecordId,
            Outcome = e.Outcome,
            Detail = e.Detail,
        }).ToList();
        return new AuditResults(lines, more ? lines[^1].Sequence : null);
    }

    /// <summary>Professionals in the reader's area, to filter by who acted.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ProfessionalsAsync(CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        return (await db.Professionals.AsNoTracking()
            .Join(db.Agencies.Where(a => a.AreaId == area), p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Name, Agency = a.Name })
            .ToListAsync(cancellationToken))
            .OrderBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => (x.Id.Value, $"{x.Name} ({x.Agency})")).ToList();
    }
}
