using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;
using Rules = Cairn.Domain.Meetings.MeetingRules;

namespace Cairn.Web.Features.MeetingRules.ChangeMeetingRules;

public sealed record ChangeMeetingRulesCommand
{
    /// <summary>
    /// The area's own amounts by "Kind:Which" ("PlacementPlanningMeeting:FirstDue": 48), each 1 to 365 in the timescale's own unit.
    /// Local timescales left out (or null) go back to their defaults; a national one is refused.
    /// </summary>
    public IReadOnlyDictionary<string, int?>? Amounts { get; init; }

    /// <summary>The version read (0 for the defaults): required, so that a change made meanwhile is refused, never overwritten.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Changes the local timescales of the meeting types in the administrator's area (L21; T17 and the rest). National timescales
/// (T05–T11) are refused, never quietly ignored. Every change is audited with what changed. Meetings scheduled from now on use the
/// new amounts; meetings already scheduled keep their due dates.
/// </summary>
public sealed class ChangeMeetingRulesHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    private static Refusal Stale => Refusal.Conflict("the meeting timescales");

    public async Task<Handled<MeetingRulesSettings>> ChangeAsync(ChangeMeetingRulesCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!user.MayChangeMeetingRules())
        {
            return Refusal.NotAllowed("Amounts", "Only an administrator can change the meeting timescales");
        }

        if (command.Version is not { } expectedVersion)
        {
            return Refusal.Of(Refusal.VersionField, "Send the version you read (0 for the defaults)");
        }

        var entered = Parse(command.Amounts ?? new Dictionary<string, int?>(), out var unknown);
        var created = Rules.Create(entered);
        var errors = unknown.Concat(created.Refusal?.Errors ?? []).Select(e => e with { Field = $"Amounts[{e.Field}]" }).ToList();
        if (Refusal.FromErrors(errors) is { } invalid)
        {
            return invalid;
        }

        var area = user.AreaId;
        var row = await db.MeetingRules.SingleOrDefaultAsync(r => r.AreaId == area, cancellationToken);
        if (expectedVersion != (row?.Version ?? 0))
        {
            return Stale;
        }

        var first = row is null;
        var was = row?.ToRules() ?? Rules.Default;
        if (row is null)
        {
            row = new AreaMeetingRules { AreaId = area };
            db.MeetingRules.Add(row);
        }

        var rules = created.Value!;
        row.Amounts = new Dictionary<string, int>(rules.Stored);
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = user.ProfessionalId;
        row.Version++;
        var before = MeetingRulesViews.Rows(was);
        var changed = MeetingRulesViews.Rows(rules).Zip(before)
            .Where(p => p.First.Key is not null && p.First.Amount != p.Second.Amount)
            .Select(p => $"{p.First.Key} {p.Second.Amount}->{p.First.Amount}");
        audit.Record("meeting-rules.change", null, "meeting-rules", area.Value, detail: string.Join("; ", changed));
        try
        {
            if (await db.SaveOrConflictAsync(Stale, cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }
        catch (DbUpdateException) when (first)
        {
            // A first save for the area at the same moment: the key.
            db.ChangeTracker.Clear();
            return Stale;
        }

        return await db.MeetingRulesSettingsAsync(user, cancellationToken);
    }

    /// <summary>"Kind:Which" keys as the domain takes them; a key naming no meeting type or timescale is an error on that key.</summary>
    private static Dictionary<(MeetingKind, LocalTimescaleKind), int?> Parse(IReadOnlyDictionary<string, int?> amounts, out List<FieldError> unknown)
    {
        unknown = [];
        var entered = new Dictionary<(MeetingKind, LocalTimescaleKind), int?>();
        foreach (var (key, amount) in amounts)
        {
            var parts = key.Split(':');
            if (parts.Length == 2 && Enum.TryParse<MeetingKind>(parts[0], out var kind) && Enum.IsDefined(kind)
                && Enum.TryParse<LocalTimescaleKind>(parts[1], out var which) && Enum.IsDefined(which) && !int.TryParse(parts[0], out _)
                && !int.TryParse(parts[1], out _))
            {
                entered[(kind, which)] = amount;
            }
            else
            {
                unknown.Add(new FieldError(key, "There is no such meeting timescale"));
            }
        }

        return entered;
    }
}

public sealed class ChangeMeetingRulesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/meeting-rules", async (ChangeMeetingRulesCommand command, ChangeMeetingRulesHandler handler, CancellationToken ct) =>
                (await handler.ChangeAsync(command, ct)).ToApiResult())
            .WithName("PutMeetingRules")
            .WithSummary("Sets your area's local meeting timescales by \"Kind:Which\" (for example \"PlacementPlanningMeeting:FirstDue\": 48; "
                         + "1 to 365 in the timescale's unit; those left out go back to their defaults), with the version read: 400 when "
                         + "invalid or when a national timescale (T05-T11) is sent, 409 when changed meanwhile, 403 unless an administrator.")
            .WithTags("Meetings");
}
