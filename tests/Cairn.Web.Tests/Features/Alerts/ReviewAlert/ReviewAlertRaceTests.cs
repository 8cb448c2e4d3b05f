using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain.Alerts;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Alerts.ReviewAlert;

/// <summary>
/// The race the version check cannot see: someone else saves after the handler has read the alert and
/// checked the version, but before it writes. The database's concurrency token must catch it.
/// </summary>
public sealed class ReviewAlertRaceTests(InterleavingFactory factory) : IClassFixture<InterleavingFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_review_that_loses_the_race_in_the_database_is_the_same_409_and_the_winners_review_is_kept()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var id = await factory.AlertAsync(zofia, Accounts.SocialWorker, "Raced alert " + Guid.NewGuid().ToString("N")[..8]);
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var nadia = await factory.ProfessionalOfAsync(Accounts.HealthVisitor);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        factory.Interleave.BeforeNextChangeOf<Alert>(() => factory.WithDbAsync(async db =>
        {
            var alert = await db.Alerts.Include(a => a.History).SingleAsync(a => a.Id == id);
            Assert.Null(alert.Review(Today.AddMonths(1), "Health visitor got there first", 1, nadia, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        }));

        var response = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review", new { version = 1, nextReviewBy = Today.AddMonths(6), note = "Social worker's review" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else changed this alert", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var saved = await factory.WithDbAsync(db => db.Alerts.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id));
        Assert.Equal((2, Today.AddMonths(1)), (saved.Version, saved.ReviewBy));
        Assert.Equal(nadia, Assert.Single(saved.History, h => h.Kind == AlertEventKind.Reviewed).By);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "alert.review" && a.RecordId == id.Value && a.ActorId == sam.Value && a.Outcome == "succeeded")));
        // The lost race is a refused change like any other: audited as a conflict on the version, and nothing else kept.
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "alert.review" && a.RecordId == id.Value && a.ActorId == sam.Value && a.Outcome == "refused" && a.Detail == "conflict: Version")));
    }
}
