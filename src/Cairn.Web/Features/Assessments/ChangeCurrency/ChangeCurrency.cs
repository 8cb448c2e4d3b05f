using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Assessments.ChangeCurrency;

public sealed record ChangeCurrencyCommand
{
    /// <summary>Months each type stays current once authorised, from 1 to 36; types left out keep their defaults.</summary>
    public IReadOnlyDictionary<AssessmentType, int?>? Months { get; init; }

    /// <summary>The version read (0 for the defaults): required, so that a change made meanwhile is refused, never overwritten.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Changes how long each type of assessment stays current in the administrator's area (L25). Every change is audited with
/// what changed. Currency is worked out when an assessment is shown, so every assessment follows the new periods at once.
/// </summary>
public sealed class ChangeCurrencyHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    private static Refusal Stale => Refusal.Conflict("the assessment currency periods");

    public async Task<Handled<AssessmentCurrencySettings>> ChangeAsync(ChangeCurrencyCommand command, CancellationToken cancellationToken)
    {
        if (!user.MayChangeCurrency())
        {
            return Refusal.NotAllowed("Months", "Only an administrator can change how long assessments stay current");
        }

        if (command.Version is not { } expectedVersion)
        {
            return Refusal.Of(Refusal.VersionField, "Send the version you read (0 for the defaults)");
        }

        var checkedCurrency = AssessmentCurrency.Create(command.Months ?? new Dictionary<AssessmentType, int?>());
        if (checkedCurrency.Refusal is { } invalid)
        {
            return invalid;
        }

        var row = await db.AssessmentCurrency.SingleOrDefaultAsync(r => r.AreaId == user.AreaId, cancellationToken);
        if (expectedVersion != (row?.Version ?? 0))
        {
            return Stale;
        }

        var first = row is null;
        var was = row?.ToCurrency() ?? AssessmentCurrency.Default;
        if (row is null)
        {
            row = new AreaAssessmentCurrency { AreaId = user.AreaId };
            db.AssessmentCurrency.Add(row);
        }

        var currency = checkedCurrency.Value!;
        row.Months = AssessmentTypes.All.ToDictionary(t => t.Type, t => currency.MonthsFor(t.Type));
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = user.ProfessionalId;
        row.Version++;
        var changed = AssessmentTypes.All.Where(t => was.MonthsFor(t.Type) != currency.MonthsFor(t.Type))
            .Select(t => $"{t.Type} {was.MonthsFor(t.Type)}->{currency.MonthsFor(t.Type)}");
        audit.Record("assessment-currency.change", null, "assessment-currency", user.AreaId.Value, detail: string.Join("; ", changed));
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

        return await db.AssessmentCurrencyOfAsync(user, cancellationToken);
    }
}

public sealed class ChangeCurrencyEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/assessment-currency", async (ChangeCurrencyCommand command, ChangeCurrencyHandler handler, CancellationToken ct) =>
                (await handler.ChangeAsync(command, ct)).ToApiResult())
            .WithName("PutAssessmentCurrency")
            .WithSummary("Sets how many months each type of assessment stays current once authorised in your area (1 to 36; L25), with the "
                         + "version read: 400 when invalid, 409 when changed meanwhile, 403 unless an administrator.")
            .WithTags("Assessments");
}
