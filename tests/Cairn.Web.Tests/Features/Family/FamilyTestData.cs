using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Family;

/// <summary>People made for one test through the API, so tests sharing a database do not touch each other's families.</summary>
internal static class FamilyTestData
{
    /// <summary>A name of letters only that no seeded person has, so a search finds just this person.</summary>
    public static string UniqueName() => "Q" + new string(Guid.NewGuid().ToByteArray().Take(9).Select(b => (char)('a' + (b % 26))).ToArray());

    /// <summary>A child the caller creates and so is involved with (as their allocated social worker).</summary>
    public static async Task<PersonId> NewChildAsync(this HttpClient api, string? givenName = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/people", new
        {
            kind = "Child",
            givenName = givenName ?? UniqueName(),
            familyName = UniqueName(),
            dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-6)),
            sex = "Female",
            role = "AllocatedSocialWorker",
            confirmedNotDuplicate = true,
            notDuplicateReason = "A synthetic person made fresh for this test, not anyone already recorded",
        });
        return await CreatedIdAsync(response);
    }

    /// <summary>An adult the caller creates: not linked to anyone, so only the caller may link them.</summary>
    public static async Task<PersonId> NewAdultAsync(this HttpClient api, string? givenName = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/people", new
        {
            kind = "Adult",
            givenName = givenName ?? UniqueName(),
            familyName = UniqueName(),
            dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-30)),
            sex = "Male",
            confirmedNotDuplicate = true,
            notDuplicateReason = "A synthetic person made fresh for this test, not anyone already recorded",
        });
        return await CreatedIdAsync(response);
    }

    public static async Task<JsonElement> RelateAsync(this HttpClient api, PersonId person, PersonId other, string type, string? notes = null)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/people/{person.Value}/relationships", new { otherPersonId = other.Value, type, notes });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> FamilyAsync(this HttpClient api, PersonId person) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person.Value}/family");

    public static async Task<Guid> ProfessionalIdAsync(this CairnFactory factory, string email) =>
        await factory.WithDbAsync(db => db.Professionals.Where(p => p.Email == email).Select(p => p.Id.Value).SingleAsync());

    public static async Task<long> LastAuditAsync(this CairnFactory factory) =>
        await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Sequence));

    /// <summary>
    /// The messages for a field in a problem+json answer. Keys from the domain's refusals are camelCase; keys from
    /// DataAnnotations checks (AddValidation) keep the property's case, so the field is matched ignoring case.
    /// </summary>
    public static string[]? ErrorsFor(this JsonElement problem, string field) =>
        problem.GetProperty("errors").EnumerateObject()
            .Where(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray())
            .FirstOrDefault();

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Today where Cairn's users are, as the app works it out.</summary>
    public static DateOnly Today() => Cairn.Web.Security.Clock.Today(TimeProvider.System);

    private static async Task<PersonId> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new PersonId(body.GetProperty("id").GetGuid());
    }
}
