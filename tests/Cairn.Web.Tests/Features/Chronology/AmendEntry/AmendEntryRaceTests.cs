using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Chronology.AmendEntry;

/// <summary>
/// The race the version check cannot see: someone else's amendment is saved after this one read the entry and checked
/// its version, but before it writes. The amendment saves with the concern evaluation it queues; the database's
/// concurrency token refuses it with the same 409 as a stale version, and nothing of it is kept.
/// </summary>
public sealed class AmendEntryRaceTests(InterleavingFactory factory) : IClassFixture<InterleavingFactory>
{
    private static object Content(string summary, string reason, int version) => new
    {
        occurredAt = DateTimeOffset.UtcNow.AddHours(-3),
        category = "Meeting",
        significance = "Routine",
        summary,
        reason,
        version,
    };

    [Fact]
    public async Task An_amendment_that_loses_the_race_in_the_database_is_the_same_409_and_the_winners_amendment_is_kept()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = new PersonId(await api.CreateChildAsync());
        var created = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/chronology", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddHours(-3),
            category = "Meeting",
            significance = "Routine",
            summary = "Meeting with the school nurse",
        });
        var id = new ChronologyEntryId((await created.JsonAsync()).GetProperty("id").GetGuid());
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        // The same worker in another tab: this amendment is saved between the first one's read and its write.
        var otherTab = await factory.ApiAsAsync(Accounts.SocialWorker);
        HttpResponseMessage? first = null;
        factory.Interleave.BeforeNextChangeOf<ChronologyEntry>(async () =>
            first = await otherTab.PostAsJsonAsync($"/api/v1/chronology/{id.Value}/amend", Content("First correction", "Wrong attendee", 1)));

        var second = await api.PostAsJsonAsync($"/api/v1/chronology/{id.Value}/amend", Content("Second correction", "Wrong time", 1));

        Assert.Equal(HttpStatusCode.OK, first?.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.JsonAsync();
        Assert.Equal("Someone else changed this entry", problem.GetProperty("title").GetString());
        Assert.Equal(ChronologyEntry.Stale.Errors[0].Message, problem.GetProperty("detail").GetString());
        var stored = await factory.WithDbAsync(db => db.ChronologyEntries.AsNoTracking().Include(e => e.Revisions).SingleAsync(e => e.Id == id));
        Assert.Equal(("First correction", 2), (stored.Content.Summary, stored.Version));
        Assert.Equal("Wrong attendee", Assert.Single(stored.Revisions).Reason);
        // Nothing of the losing amendment is kept, its queued evaluation included; the winner's evaluation has run.
        Assert.Equal(0, await factory.WithDbAsync(db => db.PendingEvaluations.CountAsync(p => p.PersonId == child)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == "chronology.amend" && a.RecordId == id.Value && a.PersonId == child.Value && a.Outcome == "succeeded")));
        // The lost race is a refused change like any other: audited as a conflict on the version.
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "chronology.amend" && a.RecordId == id.Value
            && a.ActorId == sam.Value && a.Outcome == "refused" && a.Detail == "conflict: Version")));
    }
}
