using System.Net;
using Cairn.Domain.Disagreements;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.Disagreements;

[Collection(DisagreementGroup.Name)]
public sealed class WithdrawDisagreementTests(CairnFactory factory) : DisagreementScenario(factory)
{
    [Fact]
    public async Task The_raiser_withdraws_with_a_reason_and_the_owner_cannot()
    {
        var (raiser, _, id) = await RaisedAsync();
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);

        var byOwner = await PostAsync(frontDoor, id, "withdraw", new { reason = "Not mine to withdraw", version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal("application/problem+json", byOwner.Content.Headers.ContentType?.MediaType);
        Assert.True(await AuditedAsync("disagreement.withdraw", id, "refused"));

        var withdrawn = await PostAsync(raiser, id, "withdraw", new { reason = "The police shared information that answers the concern", version = 1 });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Withdrawn, (DateTimeOffset?)null), (stored.Status, stored.NextEscalationAt));
        Assert.True(await AuditedAsync("disagreement.withdraw", id));
    }
}
