using System.Net;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Security;

/// <summary>A database of its own: these tests deactivate accounts and change roles.</summary>
public sealed class SessionFactory : CairnFactory;

/// <summary>A page session follows the professional's account and job as they are now, not as they were at sign-in.</summary>
public sealed class SessionValidationTests(SessionFactory factory) : IClassFixture<SessionFactory>
{
    private Task<int> UpdateProfessionalAsync(string email, Func<IQueryable<Professional>, Task<int>> update) =>
        factory.WithDbAsync(async db =>
        {
            var id = new ProfessionalId(await factory.ProfessionalIdAsync(email));
            return await update(db.Professionals.Where(p => p.Id == id));
        });

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_professional_is_signed_out_at_their_next_request()
    {
        var client = await factory.SignedInAsAsync(Accounts.HealthVisitor);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await UpdateProfessionalAsync(Accounts.HealthVisitor, q => q.ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false)));

        AssertSentToSignIn(await client.GetAsync("/"));
        // The cookie was cleared: reactivating does not bring the old session back.
        await UpdateProfessionalAsync(Accounts.HealthVisitor, q => q.ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, true)));
        AssertSentToSignIn(await client.GetAsync("/"));
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_every_session_of_that_account()
    {
        var client = await factory.SignedInAsAsync(Accounts.Police);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var other = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var id = new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.Police));
        await factory.WithDbAsync(db => db.Accounts.Where(a => a.ProfessionalId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SecurityStamp, Guid.NewGuid())));

        AssertSentToSignIn(await client.GetAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Roles_taken_away_take_away_reach_at_the_next_request_and_roles_given_add_it()
    {
        var frontDoor = await factory.SignedInAsAsync(Accounts.FrontDoor);
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync("/front-door")).StatusCode);

        await UpdateProfessionalAsync(Accounts.FrontDoor, q => q.ExecuteUpdateAsync(s => s.SetProperty(p => p.Roles, Role.Practitioner)));
        var refused = await frontDoor.GetAsync("/front-door");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        // Still signed in, as a practitioner.
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync("/")).StatusCode);

        await UpdateProfessionalAsync(Accounts.FrontDoor, q => q.ExecuteUpdateAsync(s => s.SetProperty(p => p.Roles, Role.Practitioner | Role.FrontDoor)));
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync("/front-door")).StatusCode);
    }
}
