using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.AdultWorkers;

/// <summary>Families and professionals for the allocated workers, proceedings and lead practitioner tests.</summary>
internal static class MeetingsPeopleTestData
{
    public static DateOnly Today => Cairn.Domain.Time.LocalDate.InLondon(DateTimeOffset.UtcNow);

    /// <summary>A new child (the social worker allocated) with <paramref name="parents"/> adults recorded as the child's parents.</summary>
    public static async Task<(HttpClient Api, PersonId Child, IReadOnlyList<PersonId> Parents)> FamilyAsync(this CairnFactory factory,
        int parents = 1)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = new PersonId(await api.CreateChildAsync());
        var admin = await factory.ProfessionalOfAsync(Accounts.Administrator);
        var ids = new List<PersonId>();
        for (var i = 0; i < parents; i++)
        {
            var parent = await factory.PersonAsync(i == 0 ? "Rowan" : "Ash", "Parent" + Guid.NewGuid().ToString("N")[..6], Today.AddYears(-30 - i),
                PersonKind.Adult);
            await factory.WithDbAsync(db =>
            {
                db.Relationships.Add(Relationship.Record(parent, child, RelationshipType.Parent, null, null, null, admin, DateTimeOffset.UtcNow, Today)
                    .Value!);
                return db.SaveChangesAsync();
            });
            ids.Add(parent);
        }

        return (api, child, ids);
    }

    /// <summary>A family (<see cref="FamilyAsync"/>) with the seeded professional <paramref name="name"/> in the child's team as <paramref name="role"/>.</summary>
    public static async Task<(HttpClient Api, PersonId Child, IReadOnlyList<PersonId> Parents, (ProfessionalId Id, AgencyId Agency) Member)>
        FamilyWithAsync(this CairnFactory factory, string name, string role, int parents = 1)
    {
        var (api, child, ids) = await factory.FamilyAsync(parents);
        var member = await factory.NamedAsync(name);
        await api.JoinTeamAsync(child, member.Id, role);
        return (api, child, ids, member);
    }

    /// <summary>A seeded professional by name.</summary>
    public static async Task<(ProfessionalId Id, AgencyId Agency)> NamedAsync(this CairnFactory factory, string name)
    {
        var professional = await factory.WithDbAsync(db => db.Professionals.Where(p => p.Name == name).Select(p => new { p.Id, p.AgencyId }).SingleAsync());
        return (professional.Id, professional.AgencyId);
    }

    /// <summary>Adds a professional to the child's team, so they may open the child's (and its parents') records.</summary>
    public static async Task JoinTeamAsync(this HttpClient api, PersonId child, ProfessionalId professional, string role)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/team",
            new { professionalId = professional.Value, role, startedOn = Today.AddDays(-5) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static Task<bool> AuditedAsync(this CairnFactory factory, string action, PersonId person, string outcome = "succeeded") =>
        factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.PersonId == person.Value && a.Outcome == outcome));
}
