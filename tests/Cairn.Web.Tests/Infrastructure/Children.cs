using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Infrastructure;

public static class Children
{
    /// <summary>
    /// Creates a new synthetic child through the API, with the caller joining the team in <paramref name="role"/>,
    /// so a test can change that child's record without touching anyone else's.
    /// </summary>
    public static async Task<Guid> CreateChildAsync(this HttpClient api, string role = "AllocatedSocialWorker")
    {
        var response = await api.PostAsJsonAsync("/api/v1/people", new
        {
            kind = "Child",
            givenName = "Test" + Guid.NewGuid().ToString("N")[..8],
            familyName = "Child" + Guid.NewGuid().ToString("N")[..8],
            dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-6),
            sex = "Female",
            role,
            confirmedNotDuplicate = true,
            notDuplicateReason = "A synthetic person made fresh for this test, not anyone already recorded",
        });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating a test child failed: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    public static async Task<Guid> ProfessionalIdAsync(this CairnFactory factory, string email) =>
        await factory.WithDbAsync(db => db.Professionals.Where(p => p.Email == email).Select(p => p.Id.Value).SingleAsync());

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
