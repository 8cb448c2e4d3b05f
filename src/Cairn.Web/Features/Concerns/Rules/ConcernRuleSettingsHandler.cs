using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Concerns.Rules;

/// <summary>
/// The area's concern rule settings, for safeguarding leads and administrators, who change them
/// (<c>ChangeConcernRules</c>).
/// </summary>
public sealed class ConcernRuleSettingsHandler(CairnDbContext db, CurrentUser user)
{
    public bool MayEdit => user.MayEditConcernRules();

    public Task<ConcernRulesView> ViewAsync(CancellationToken cancellationToken) => db.ConcernRulesOfAsync(user.AreaId, cancellationToken);
}
