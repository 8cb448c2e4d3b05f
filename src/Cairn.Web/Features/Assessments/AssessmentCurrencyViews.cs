using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Assessments;

/// <summary>How long one type of assessment stays current once authorised in the area (L25), and the default.</summary>
public sealed record CurrencyPeriod(AssessmentType Type, string Name, int Months, int DefaultMonths);

/// <summary>The area's currency periods as the administration page and the API show them.</summary>
public sealed record AssessmentCurrencySettings(IReadOnlyList<CurrencyPeriod> Periods, bool IsDefault, DateTimeOffset? UpdatedAt, int Version,
    bool MayChange);

/// <summary>Reading the viewer's area's currency periods; administrators change them.</summary>
public static class AssessmentCurrencyViews
{
    public static bool MayChangeCurrency(this CurrentUser user) => user.Has(Role.Administrator);

    public static async Task<AssessmentCurrencySettings> AssessmentCurrencyOfAsync(this CairnDbContext db, CurrentUser user,
        CancellationToken cancellationToken)
    {
        var row = await db.AssessmentCurrency.AsNoTracking().SingleOrDefaultAsync(r => r.AreaId == user.AreaId, cancellationToken);
        var currency = row?.ToCurrency() ?? AssessmentCurrency.Default;
        return new AssessmentCurrencySettings(
            AssessmentTypes.All.Select(t => new CurrencyPeriod(t.Type, t.Name, currency.MonthsFor(t.Type), t.DefaultCurrencyMonths)).ToList(),
            row is null,
            row?.UpdatedAt,
            row?.Version ?? 0,
            user.MayChangeCurrency());
    }
}
