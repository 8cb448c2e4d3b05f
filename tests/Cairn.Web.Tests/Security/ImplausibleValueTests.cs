using System.Net;
using System.Net.Http.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Security;

/// <summary>
/// Values a probe stored that nobody could have meant (issue #17, defect 6): dates of 0001-01-01, 1900-01-01 and 9999-12-31,
/// NUL, direction-override and zero-width characters in names and text, and a megabyte of text on a share's outcome.
/// Each is refused with a clear message against its field, and nothing is stored.
/// </summary>
public sealed class ImplausibleValueTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1900-01-01T12:00:00Z")]
    public async Task A_chronology_entry_dated_long_before_anyone_involved_is_refused(string occurredAt)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var summary = "Home visit " + Guid.NewGuid().ToString("N")[..8];

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/chronology", new
        {
            occurredAt = DateTimeOffset.Parse(occurredAt, System.Globalization.CultureInfo.InvariantCulture),
            category = "Incident",
            significance = "Routine",
            summary,
        });

        Assert.Contains("1 January 1950", await RefusedAsync(response, "occurredAt"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ChronologyEntries.AnyAsync(e => e.Content.Summary == summary)));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1900-01-01")]
    public async Task A_diagnosis_dated_long_ago_is_refused(string diagnosedOn)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/diagnoses", new
        {
            condition = "Asthma",
            diagnosedOn = DateOnly.Parse(diagnosedOn, System.Globalization.CultureInfo.InvariantCulture),
            source = "GP",
        });

        Assert.Contains("1 January 1950", await RefusedAsync(response, "diagnosedOn"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Diagnoses.AnyAsync(d => d.PersonId == new Cairn.Domain.PersonId(child))));
    }

    [Fact]
    public async Task A_bank_holiday_far_in_the_future_is_refused_and_one_next_year_is_not()
    {
        var admin = await factory.ApiAsAsync(Accounts.Administrator);

        var response = await admin.PostAsJsonAsync("/api/v1/admin/calendar", new { date = new DateOnly(9999, 12, 31), name = "For ever" });

        Assert.Contains("within 3 years", await RefusedAsync(response, "date"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.CalendarAdjustments.AnyAsync(a => a.Name == "For ever")));
        var nextYear = new DateOnly(Today.Year + 1, 6, 10);
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsJsonAsync("/api/v1/admin/calendar", new { date = nextYear, name = "Proclaimed day" })).StatusCode);
    }

    [Theory]
    [InlineData("Ama\u0000ni", "control character")]
    [InlineData("Ama\u202Eina", "direction")]
    [InlineData("Ama\u200Bni", "zero-width")]
    [InlineData("\u200DAmani", "zero-width")]
    [InlineData("Ama\uFEFFni", "zero-width")]
    public async Task A_name_with_a_hidden_or_control_character_is_refused(string givenName, string said)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var family = "Ham" + Guid.NewGuid().ToString("N")[..8];

        var response = await api.PostAsJsonAsync("/api/v1/people", new
        {
            kind = "Child",
            givenName,
            familyName = family,
            dateOfBirth = Today.AddYears(-6),
            sex = "Female",
            role = "AllocatedSocialWorker",
            confirmedNotDuplicate = true,
            notDuplicateReason = "A synthetic person made fresh for this test, not anyone already recorded",
        });

        Assert.Contains(said, await RefusedAsync(response, "givenName"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.People.AnyAsync(p => p.FamilyName == family)));
    }

    [Fact]
    public async Task A_name_that_needs_a_zero_width_non_joiner_between_letters_is_kept()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var family = "Ham" + Guid.NewGuid().ToString("N")[..8];

        var response = await api.PostAsJsonAsync("/api/v1/people", new
        {
            kind = "Child",
            givenName = "\u0645\u06CC\u200C\u0631\u0627",
            familyName = family,
            dateOfBirth = Today.AddYears(-6),
            sex = "Female",
            role = "AllocatedSocialWorker",
            confirmedNotDuplicate = true,
            notDuplicateReason = "A synthetic person made fresh for this test, not anyone already recorded",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Free_text_with_a_direction_override_is_refused_on_a_page_too()
    {
        var worker = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var child = await (await factory.ApiAsAsync(Accounts.SocialWorker)).CreateChildAsync();
        var path = $"/people/{child}/diagnoses/new";
        var form = await Clients.FormAsync(worker, path, new()
        {
            ["Input.Condition"] = "Asthma \u202Egnorw",
            ["Input.DiagnosedOn.Day"] = "1",
            ["Input.DiagnosedOn.Month"] = "3",
            ["Input.DiagnosedOn.Year"] = (Today.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Source"] = "GP",
        });

        var response = await worker.PostAsync(path, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("direction", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Diagnoses.AnyAsync(d => d.PersonId == new Cairn.Domain.PersonId(child))));
    }

    [Fact]
    public async Task A_megabyte_on_a_share_outcome_is_refused()
    {
        var police = await factory.ApiAsAsync(Accounts.Police);
        var child = await police.CreateChildAsync("PoliceOfficer");
        var (agency, team) = await factory.WithDbAsync(async db =>
        {
            var frontDoorTeam = await db.Teams.SingleAsync(t => t.Name == "Front Door (MASH)");
            return (frontDoorTeam.AgencyId.Value, frontDoorTeam.Id.Value);
        });
        var sent = await police.PostAsJsonAsync("/api/v1/shares", new
        {
            kind = "PoliceNotification",
            recipientAgencyId = agency,
            recipientTeamId = team,
            childIds = new[] { child },
            urgency = "WithinWorkingDays",
            workingDays = 3,
            subject = "Child present at a domestic incident",
            message = "Officers attended the family home. The child was present and distressed.",
        });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var id = (await sent.JsonAsync()).GetProperty("id").GetGuid();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.PostAsJsonAsync($"/api/v1/shares/{id}/receive", new { version = 1 })).StatusCode);

        var huge = await frontDoor.PostAsJsonAsync($"/api/v1/shares/{id}/action", new { version = 2, text = new string('x', 1_000_000) });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        var long5000 = await frontDoor.PostAsJsonAsync($"/api/v1/shares/{id}/action", new { version = 2, text = new string('y', 5000) });
        Assert.Contains("4,000 characters or fewer", await RefusedAsync(long5000, "outcome"), StringComparison.Ordinal);

        Assert.Equal("Received", (await police.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/shares/{id}"))
            .GetProperty("status").GetString());
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), body);
        return messages[0].GetString()!;
    }
}
