using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Alerts;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Auditing.RefusedChanges;

/// <summary>
/// A refused change to a child's record is evidence too (L01, L03): a vague alert, "did not attend" for a child, an entry
/// without the voice of the child, a stale edit or a step that is not the person's each leave one audit entry with outcome
/// "refused", the child's id, the record when there is one and the names of the fields refused; never what was typed and
/// never a name. The refusal still changes nothing else, and people see the same error as before.
/// </summary>
public sealed class RefusedChangesAuditTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A word nobody else writes, to find what was typed if it ever reached the log.</summary>
    private static string Marker() => "Qz" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A child of this test's own with a name nobody else has, the demo social worker allocated.</summary>
    private async Task<(PersonId Id, string Given, string Family)> ChildAsync()
    {
        var (given, family) = ("Refusal" + Guid.NewGuid().ToString("N")[..8], "Audited" + Guid.NewGuid().ToString("N")[..8]);
        var id = await factory.PersonAsync(given, family, Today.AddYears(-7), involved: Accounts.SocialWorker);
        return (id, given, family);
    }

    private Task<List<AuditEntry>> RefusedAsync(PersonId child) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.PersonId == child.Value && a.Outcome == "refused").ToListAsync());

    /// <summary>Fails if any text column of any audit entry holds one of <paramref name="texts"/>.</summary>
    private async Task AssertNowhereInTheLogAsync(params string[] texts)
    {
        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        foreach (var entry in entries)
        {
            string?[] columns = [entry.Action, entry.RecordType, entry.Outcome, entry.Detail, entry.CorrelationId, entry.PreviousHash, entry.Hash];
            foreach (var text in texts)
            {
                Assert.DoesNotContain(columns, c => c is not null && c.Contains(text, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    /// <summary>The field names a refusal's detail lists after its kind ("invalid: Risk, Source").</summary>
    private static string[] Fields(AuditEntry entry, string kind)
    {
        Assert.NotNull(entry.Detail);
        Assert.StartsWith(kind + ": ", entry.Detail, StringComparison.Ordinal);
        return entry.Detail[(kind.Length + 2)..].Split(", ").Order(StringComparer.Ordinal).ToArray();
    }

    private static Dictionary<string, object?> Alert(string risk, string description) => new()
    {
        ["category"] = "RiskFromAPerson",
        ["risk"] = risk,
        ["atRisk"] = "The child and her mother",
        ["fromWhom"] = "Mother's former partner",
        ["source"] = "Nursery manager, phone call",
        ["raisedOn"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["reviewBy"] = Today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["description"] = description,
    };

    private static object Entry(string category, string summary, string? outcome = null) => new
    {
        occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
        category,
        significance = "Routine",
        contactMode = "FaceToFace",
        appointmentOutcome = outcome,
        summary,
    };

    [Fact]
    public async Task A_vague_alert_refused_by_the_api_is_audited_with_the_fields_and_not_the_text()
    {
        var (child, given, family) = await ChildAsync();
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var marker = Marker();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/alerts", new { description = $"Be careful with dad {marker}." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["atRisk", "category", "description", "fromWhom", "raisedOn", "reviewBy", "risk", "source"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var entry = Assert.Single(await RefusedAsync(child));
        Assert.Equal(("alert.raise", "alert", (Guid?)null, (Guid?)sam.Value), (entry.Action, entry.RecordType, entry.RecordId, entry.ActorId));
        Assert.Equal(["AtRisk", "Category", "Description", "FromWhom", "RaisedOn", "ReviewBy", "Risk", "Source"], Fields(entry, "invalid"));
        Assert.False(await factory.WithDbAsync(db => db.Alerts.AnyAsync(a => a.ChildId == child)));
        await AssertNowhereInTheLogAsync(marker, "careful", given, family);
    }

    [Fact]
    public async Task A_vague_alert_refused_on_the_page_is_audited_and_the_page_shows_the_same_error_summary()
    {
        var (child, given, family) = await ChildAsync();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child.Value}/alerts/new";
        var marker = Marker();
        var form = new Dictionary<string, string>
        {
            ["Input.Category"] = "RiskFromAPerson",
            ["Input.Risk"] = "",
            ["Input.AtRisk"] = $"The child {marker}",
            ["Input.FromWhom"] = "Mother's former partner",
            ["Input.RaisedOn"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.ReviewBy"] = Today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Description"] = $"Be careful {marker}.",
        };

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, form));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Risk\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Source\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Description\"", html, StringComparison.Ordinal);
        Assert.Contains("too short to act on", html, StringComparison.Ordinal);
        var entry = Assert.Single(await RefusedAsync(child));
        Assert.Equal(("alert.raise", "alert"), (entry.Action, entry.RecordType));
        Assert.Equal(["Description", "Risk", "Source"], Fields(entry, "invalid"));
        Assert.False(await factory.WithDbAsync(db => db.Alerts.AnyAsync(a => a.ChildId == child)));
        await AssertNowhereInTheLogAsync(marker, "careful", given, family);
    }

    [Fact]
    public async Task An_entry_without_the_voice_of_the_child_is_refused_audited_and_not_saved()
    {
        var (child, given, family) = await ChildAsync();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var marker = Marker();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/chronology", Entry("HomeVisit", $"Visit to the home {marker}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("childsWords", out _));
        var entry = Assert.Single(await RefusedAsync(child));
        Assert.Equal(("chronology.record", "chronology-entry", (Guid?)null), (entry.Action, entry.RecordType, entry.RecordId));
        Assert.Contains("ChildsWords", Fields(entry, "invalid"));
        Assert.False(await factory.WithDbAsync(db => db.ChronologySubjects.AnyAsync(s => s.PersonId == child)));
        await AssertNowhereInTheLogAsync(marker, given, family);
    }

    [Fact]
    public async Task Did_not_attend_for_a_child_is_refused_through_the_api_and_the_page_and_each_attempt_is_audited()
    {
        var (child, given, family) = await ChildAsync();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child.Value}/chronology/new";
        var (apiMarker, pageMarker) = (Marker(), Marker());

        var byApi = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/chronology",
            Entry("Appointment", $"Dental check {apiMarker}", "DidNotAttend"));
        var byPage = await web.PostAsync(path, await Clients.FormAsync(web, path, new()
        {
            ["Input.OccurredAt"] = DateTime.Now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            ["Input.Category"] = "Appointment",
            ["Input.Significance"] = "Routine",
            ["Input.AppointmentOutcome"] = "DidNotAttend",
            ["Input.Summary"] = $"Missed dental appointment {pageMarker}",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, byApi.StatusCode);
        Assert.Contains("Was not brought",
            (await byApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("appointmentOutcome")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byPage.StatusCode);
        var html = await byPage.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_AppointmentOutcome\"", html, StringComparison.Ordinal);
        var entries = await RefusedAsync(child);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(("chronology.record", "chronology-entry"), (e.Action, e.RecordType));
            Assert.Equal(["AppointmentOutcome"], Fields(e, "invalid"));
        });
        Assert.False(await factory.WithDbAsync(db => db.ChronologySubjects.AnyAsync(s => s.PersonId == child)));
        await AssertNowhereInTheLogAsync(apiMarker, pageMarker, "dental", given, family);
    }

    [Fact]
    public async Task Amending_an_entry_to_did_not_attend_is_refused_and_audited_on_the_entry_and_the_child()
    {
        var (child, _, _) = await ChildAsync();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var created = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/chronology", Entry("Appointment", "Dental check", "Attended"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var marker = Marker();

        var response = await api.PostAsJsonAsync($"/api/v1/chronology/{id}/amend", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
            category = "Appointment",
            significance = "Routine",
            appointmentOutcome = "DidNotAttend",
            summary = "Dental check",
            reason = $"Mother phoned to say they did not go {marker}",
            version = 1,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entry = Assert.Single(await RefusedAsync(child));
        Assert.Equal(("chronology.amend", "chronology-entry", (Guid?)id), (entry.Action, entry.RecordType, entry.RecordId));
        Assert.Contains("AppointmentOutcome", Fields(entry, "invalid"));
        var stored = await factory.WithDbAsync(db => db.ChronologyEntries.AsNoTracking().SingleAsync(e => e.Id == new ChronologyEntryId(id)));
        Assert.Equal((1, Cairn.Domain.Chronology.AppointmentOutcome.Attended), (stored.Version, stored.Content.AppointmentOutcome));
        await AssertNowhereInTheLogAsync(marker, "Mother phoned");
    }

    [Fact]
    public async Task A_stale_review_is_audited_as_a_refused_conflict_and_the_alert_keeps_the_first_review()
    {
        var (child, _, _) = await ChildAsync();
        var id = await factory.AlertAsync(child, Accounts.SocialWorker, "Former partner seen at the school gate");
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var marker = Marker();

        var first = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review",
            new { nextReviewBy = Today.AddMonths(2), note = "Still stands", version = 1 });
        var stale = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review",
            new { nextReviewBy = Today.AddMonths(6), note = $"Second look {marker}", version = 1 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var entry = Assert.Single(await RefusedAsync(child));
        Assert.Equal(("alert.review", "alert", (Guid?)id.Value), (entry.Action, entry.RecordType, entry.RecordId));
        Assert.Equal(["Version"], Fields(entry, "conflict"));
        var saved = await factory.WithDbAsync(db => db.Alerts.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id));
        Assert.Equal((2, Today.AddMonths(2)), (saved.Version, saved.ReviewBy));
        Assert.Equal("Still stands", Assert.Single(saved.History, h => h.Kind == AlertEventKind.Reviewed).Note);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == "alert.review" && a.RecordId == id.Value && a.Outcome == "succeeded")));
        await AssertNowhereInTheLogAsync(marker);
    }

    [Fact]
    public async Task A_step_that_is_not_the_persons_is_audited_as_refused_not_allowed()
    {
        var (child, _, _) = await ChildAsync();
        var id = await factory.DisagreementAsync(child, await factory.ProfessionalOfAsync(Accounts.FrontDoor));
        var owner = await factory.ApiAsAsync(Accounts.FrontDoor);
        var marker = Marker();

        // Only the professional who raised it may withdraw it.
        var response = await owner.PostAsJsonAsync($"/api/v1/disagreements/{id.Value}/withdraw", new { reason = $"Not mine {marker}", version = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var entry = Assert.Single(await RefusedAsync(child));
        Assert.Equal(("disagreement.withdraw", "disagreement", (Guid?)id.Value), (entry.Action, entry.RecordType, entry.RecordId));
        Assert.StartsWith("not-allowed", entry.Detail, StringComparison.Ordinal);
        await AssertNowhereInTheLogAsync(marker);
    }

    [Fact]
    public async Task A_change_that_is_done_is_audited_as_before_and_nothing_is_refused()
    {
        var (child, _, _) = await ChildAsync();
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/alerts", Alert("Former partner seen at nursery", Given.ActionableDescription));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var entry = Assert.Single(await factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking().Where(a => a.PersonId == child.Value && a.Action == "alert.raise").ToListAsync()));
        Assert.Equal(("succeeded", "alert", (Guid?)id, (Guid?)sam.Value, (string?)null),
            (entry.Outcome, entry.RecordType, entry.RecordId, entry.ActorId, entry.Detail));
        Assert.Empty(await RefusedAsync(child));
    }

    [Fact]
    public async Task The_audit_chain_still_verifies_after_refusals()
    {
        var (child, _, _) = await ChildAsync();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/alerts", new { description = "Be careful with dad." });
        await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/chronology", Entry("Appointment", "Dental check", "DidNotAttend"));
        await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/chronology", Entry("HomeVisit", "Visit to the home"));
        var done = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/alerts", Alert("Former partner seen at nursery", Given.ActionableDescription));

        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        Assert.Equal(3, (await RefusedAsync(child)).Count);
        var (count, broken) = await factory.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None));
        Assert.True(count > 4);
        Assert.Null(broken);
    }

    [Fact]
    public async Task Auditing_a_refusal_writes_the_audit_entry_and_nothing_else_the_unit_of_work_tracked()
    {
        var (child, _, _) = await ChildAsync();
        var name = "Never saved " + Guid.NewGuid().ToString("N")[..8];
        var refusal = Refusal.Of("Description", "Say what happened and what to do");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
            // A change a handler made before the rules said no: it must not ride along with the audit entry.
            db.Areas.Add(Area.Create(name, "E06000001"));
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await audit.RecordRefusalAsync("alert.raise", [child], "alert", null, refusal, CancellationToken.None);
        }

        Assert.False(await factory.WithDbAsync(db => db.Areas.AnyAsync(a => a.Name == name)));
        var entry = Assert.Single(await RefusedAsync(child));
        Assert.Equal(("alert.raise", "invalid: Description"), (entry.Action, entry.Detail));
        await AssertNowhereInTheLogAsync("Say what happened");
    }
}
