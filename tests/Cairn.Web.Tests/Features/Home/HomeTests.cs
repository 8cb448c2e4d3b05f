using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Home;

public sealed class HomeTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    [Fact]
    public async Task Home_lists_the_children_a_professional_is_involved_with_and_no_others()
    {
        var worker = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var outsider = await factory.SignedInAsAsync(Accounts.Uninvolved);

        var mine = await worker.GetStringAsync("/");
        var theirs = await outsider.GetStringAsync("/");

        Assert.Contains("Zofia Nowak", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Zofia Nowak", theirs, StringComparison.Ordinal);
        Assert.Contains("not in the team around any child", theirs, StringComparison.Ordinal);
        var me = await factory.ProfessionalIdAsync(Accounts.SocialWorker);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "caseload.view" && a.ActorId == me)));
    }
}
