using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.EarlyHelp;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.EarlyHelp;

[CollectionDefinition(Name)]
public sealed class EarlyHelpEpisodeGroup : ICollectionFixture<CairnFactory>
{
    public const string Name = "Early help episodes";
}

/// <summary>The helpers the early help episodes test classes share, over one host per run of the collection.</summary>
public abstract class EarlyHelpEpisodeScenario(CairnFactory factory)
{
    protected CairnFactory Factory { get; } = factory;

    protected static readonly string[] Neglect = ["Neglect"];

    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    protected static object AnEpisode(ProfessionalId lead) => new
    {
        startedOn = Today.AddDays(-20),
        leadProfessionalId = lead.Value,
        consentGivenBy = "Mother",
        consentGivenOn = Today.AddDays(-21),
        consentMethod = "Written",
    };

    protected static async Task<HttpResponseMessage> StartAsync(HttpClient api, Guid child, ProfessionalId lead) =>
        await api.PostAsJsonAsync($"/api/v1/people/{child}/early-help", AnEpisode(lead));

    /// <summary>A child with the social worker as allocated worker and lead, and an open episode they lead.</summary>
    protected async Task<(HttpClient Api, Guid Child, Guid Episode)> OpenEpisodeAsync()
    {
        var api = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var started = await StartAsync(api, child, await Factory.ProfessionalOfAsync(Accounts.SocialWorker));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (api, child, (await started.JsonAsync()).GetProperty("id").GetGuid());
    }

    protected static async Task JoinTeamAsync(HttpClient api, Guid child, ProfessionalId professional, string role)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/team", new { professionalId = professional.Value, role, startedOn = Today.AddDays(-5) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    protected Task<int> EpisodesOfAsync(Guid child) =>
        Factory.WithDbAsync(db => db.EarlyHelpEpisodes.CountAsync(e => e.ChildId == new PersonId(child)));

    protected Task<EarlyHelpEpisode> EpisodeAsync(Guid id) =>
        Factory.WithDbAsync(db => db.EarlyHelpEpisodes.AsNoTracking().Include(e => e.Events).SingleAsync(e => e.Id == new EarlyHelpEpisodeId(id)));

    protected async Task ActOnContactAsync(ContactId id, Func<Contact, Refusal?> act) =>
        await Factory.WithDbAsync(async db =>
        {
            var contact = await db.Contacts.Include(c => c.Events).SingleAsync(c => c.Id == id);
            Assert.Null(act(contact));
            return await db.SaveChangesAsync();
        });
}
