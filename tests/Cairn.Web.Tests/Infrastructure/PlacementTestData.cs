using System.Net;
using System.Net.Http.Json;
using Cairn.Domain.Time;

namespace Cairn.Web.Tests.Infrastructure;

/// <summary>Settings on the register and submitted placement referrals, made through the API, for the matching and admission tests.</summary>
internal static class PlacementTestData
{
    private static readonly string[] Exploitation = ["Exploitation"];
    private static readonly string[] ChildrensHome = ["ChildrensHome"];

    private static DateOnly Today => DateTimeOffset.UtcNow.InLondon();

    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<Guid> SettingAsync(this CairnFactory factory, string name, string postcode, int vacancies = 2)
    {
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var provider = await manager.PostAsJsonAsync("/api/v1/placements/providers", new { name = Unique("Dales Care"), kind = "Private" });
        Assert.True(provider.StatusCode == HttpStatusCode.Created, await provider.Content.ReadAsStringAsync());
        var created = await manager.PostAsJsonAsync("/api/v1/placements/settings", new
        {
            providerId = (await provider.JsonAsync()).GetProperty("id").GetGuid(),
            name,
            type = "ChildrensHome",
            regulator = "Ofsted",
            registrationNumber = "SC" + Random.Shared.Next(100000, 999999),
            lastJudgement = "Good",
            lastJudgementOn = "2025-09-15",
            postcode,
            capacity = 6,
            minAge = 5,
            maxAge = 17,
            sexes = "Any",
            specialisms = Exploitation,
            staffing = "TwoToOne",
            wakingNightStaff = true,
            restrictions = Array.Empty<string>(),
            registrationSuspended = false,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var setting = await created.JsonAsync();
        var id = setting.GetProperty("id").GetGuid();
        var recorded = await manager.PostAsJsonAsync($"/api/v1/placements/settings/{id}/vacancies",
            new { vacancies, from = Today, version = setting.GetProperty("version").GetInt32() });
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>A child of the social worker's with a submitted referral saying the risks given; returns the child and the referral.</summary>
    public static async Task<(Guid Child, Guid Referral, int Version)> ReferredAsync(this CairnFactory factory, string[]? risksToOthers = null,
        string[]? vulnerabilities = null)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var started = await api.PostAsJsonAsync($"/api/v1/people/{child}/placement-referrals", new
        {
            neededBy = Today.AddDays(7),
            needs = Exploitation,
            staffing = "OneToOne",
            acceptableTypes = ChildrensHome,
            risksAnswered = true,
            risksToOthers = risksToOthers ?? [],
            vulnerabilities = vulnerabilities ?? ["SexualExploitation"],
        });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var body = await started.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        var submitted = await api.PostAsJsonAsync($"/api/v1/placement-referrals/{id}/submit",
            new { version = body.GetProperty("version").GetInt32() });
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        return (child, id, (await submitted.JsonAsync()).GetProperty("version").GetInt32());
    }
}
