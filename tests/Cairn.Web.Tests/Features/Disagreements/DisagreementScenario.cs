using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.Disagreements;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Disagreements;

[CollectionDefinition(Name)]
public sealed class DisagreementGroup : ICollectionFixture<CairnFactory>
{
    public const string Name = "Disagreements";
}

/// <summary>
/// The social worker (Sam Okoro, Assessment Team, managed by Priya Shah) disagrees with the front door (Jordan Lee)
/// about a child he is allocated to; it may go up to Priya (stage 2) and the safeguarding lead, Morgan Blake (stage 3).
/// </summary>
public abstract class DisagreementScenario(CairnFactory factory)
{
    protected CairnFactory Factory { get; } = factory;

    protected async Task<object> ARequestAsync(string ownerEmail, Guid? entry = null) => new
    {
        decision = "No further action on the contact of 3 November",
        decisionEntryId = entry,
        concern = "The school has seen new bruising twice since the contact, which the front door did not know about.",
        outcomeSought = "A strategy discussion this week",
        ownerId = await Factory.ProfessionalIdAsync(ownerEmail),
    };

    protected async Task<(HttpClient Raiser, Guid Child, Guid Id)> RaisedAsync(string ownerEmail = Accounts.FrontDoor)
    {
        var raiser = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();
        var response = await raiser.PostAsJsonAsync($"/api/v1/people/{child}/disagreements", await ARequestAsync(ownerEmail));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (raiser, child, (await response.JsonAsync()).GetProperty("id").GetGuid());
    }

    protected Task<Disagreement> StoredAsync(Guid id) =>
        Factory.WithDbAsync(db => db.Disagreements.AsNoTracking().Include(d => d.Stages).Include(d => d.History).SingleAsync(d => d.Id == new DisagreementId(id)));

    protected Task<int> CountForAsync(Guid child) => Factory.WithDbAsync(db => db.Disagreements.CountAsync(d => d.ChildId == new PersonId(child)));

    protected Task<bool> AuditedAsync(string action, Guid id, string outcome = "succeeded") =>
        Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.RecordId == id && a.Outcome == outcome));

    protected static Task<HttpResponseMessage> PostAsync(HttpClient api, Guid id, string step, object body) =>
        api.PostAsJsonAsync($"/api/v1/disagreements/{id}/{step}", body);

    public static TheoryData<string, string[]> BadRaises => new()
    {
        { "{}", ["decision", "concern", "outcomeSought", "ownerId"] },
        { """{"decision":" ","concern":"Bruising seen twice","outcomeSought":"A strategy discussion","ownerId":"00000000-0000-0000-0000-000000000001"}""", ["decision", "ownerId"] },
        { """{"decision":"NFA","concern":"Bruising seen twice","outcomeSought":"A strategy discussion","ownerId":"OWNER","decisionEntryId":"00000000-0000-0000-0000-000000000002"}""", ["decisionEntryId"] },
        { """{"decision":"NFA","concern":"Bruising seen twice","outcomeSought":"A strategy discussion","ownerId":"SELF"}""", ["ownerId"] },
        { """{"decision":"NFA","concern":"Bruising seen twice","outcomeSought":"","ownerId":"OWNER"}""", ["outcomeSought"] },
        // An administrator has no reach into children's records, so cannot own a stage.
        { """{"decision":"NFA","concern":"Bruising seen twice","outcomeSought":"A strategy discussion","ownerId":"ADMIN"}""", ["ownerId"] },
    };

    public static TheoryData<string, string, string> BadSteps => new()
    {
        { "resolve", """{"agreed":" ","version":1}""", "agreed" },
        { "resolve", """{"agreed":"Agreed"}""", "Version" },
        { "escalate", """{"version":1}""", "reason|nextOwnerId" },
        { "escalate", """{"reason":"No","nextOwnerId":"RAISER","version":1}""", "nextOwnerId" },
        { "escalate", """{"reason":"No","nextOwnerId":"OWNER","version":1}""", "nextOwnerId" },
        { "escalate", """{"reason":"No","nextOwnerId":"00000000-0000-0000-0000-000000000003","version":1}""", "nextOwnerId" },
    };
}
