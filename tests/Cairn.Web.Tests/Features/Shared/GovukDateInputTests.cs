using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Cairn.Domain;
using Cairn.Web.Tests.Features.Family;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Shared;

/// <summary>
/// Dates are typed into the GOV.UK date input (day, month, year; a time beside it for a date and time), never a browser
/// date picker: what the pages show, what they save, and the error summary for a date that is partly filled or not real.
/// Forms that search (GET) bind the same fields from the query string.
/// </summary>
public sealed partial class GovukDateInputTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static Dictionary<string, string> Parts(string name, string day, string month, string year, string? time = null)
    {
        var parts = new Dictionary<string, string> { [$"{name}.Day"] = day, [$"{name}.Month"] = month, [$"{name}.Year"] = year };
        if (time is not null)
        {
            parts[$"{name}.Time"] = time;
        }

        return parts;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> fields, Dictionary<string, string> more)
    {
        foreach (var (key, value) in more)
        {
            fields[key] = value;
        }

        return fields;
    }

    /// <summary>Whether the field with this id is marked as being in error.</summary>
    private static bool MarkedWrong(string html, string id) =>
        Regex.IsMatch(html, $"class=\"[^\"]*govuk-input--error[^\"]*\" id=\"{Regex.Escape(id)}\"");

    private static string Field(string id, string name, string value) =>
        $"id=\"{id}\" name=\"{name}\" type=\"text\" inputmode=\"numeric\" value=\"{value}\"";

    private async Task<(HttpClient Web, string Path, PersonId Child, PersonId Adult)> RelationshipFormAsync()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        return (await factory.SignedInAsAsync(Accounts.SocialWorker), $"/people/{child.Value}/relationships/new", child, await api.NewAdultAsync());
    }

    private static Dictionary<string, string> Relationship(PersonId adult) =>
        new() { ["Input.OtherPersonId"] = adult.Value.ToString(), ["Input.Type"] = "StepParent" };

    [Fact]
    public async Task A_date_is_three_labelled_text_fields_in_a_fieldset_with_the_example_hint_never_a_date_picker()
    {
        var (web, path, _, _) = await RelationshipFormAsync();

        var html = await web.GetStringAsync(path);

        Assert.DoesNotContain("type=\"date\"", html, StringComparison.Ordinal);
        Assert.Contains("<fieldset class=\"govuk-fieldset\" role=\"group\" aria-describedby=\"Input_StartedOn-hint\">"
            + "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Date the relationship started (optional)</legend>"
            + "<div id=\"Input_StartedOn-hint\" class=\"govuk-hint\">For example, 27 3 2007</div><div class=\"govuk-date-input\">",
            html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"govuk-label govuk-date-input__label\" for=\"Input_StartedOn\">Day</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"govuk-label govuk-date-input__label\" for=\"Input_StartedOn-month\">Month</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"govuk-label govuk-date-input__label\" for=\"Input_StartedOn-year\">Year</label>", html, StringComparison.Ordinal);
        Assert.Contains(Field("Input_StartedOn", "Input.StartedOn.Day", ""), html, StringComparison.Ordinal);
        Assert.Contains(Field("Input_StartedOn-month", "Input.StartedOn.Month", ""), html, StringComparison.Ordinal);
        Assert.Contains(Field("Input_StartedOn-year", "Input.StartedOn.Year", ""), html, StringComparison.Ordinal);
        Assert.Contains("govuk-input--width-4\" id=\"Input_StartedOn-year\"", html, StringComparison.Ordinal);
        // A hint given by the page comes before the example.
        Assert.Contains("class=\"govuk-hint\">Leave blank if it continues. Fill in both dates to record a past relationship. For example, 27 3 2007</div>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_and_time_has_a_time_field_and_shows_the_time_now_in_london()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var before = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, London);

        var html = await web.GetStringAsync($"/people/{zofia.Value}/chronology/new");

        Assert.DoesNotContain("datetime-local", html, StringComparison.Ordinal);
        Assert.Contains("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">When did it happen?</legend>", html, StringComparison.Ordinal);
        Assert.Contains(Field("Input_OccurredAt", "Input.OccurredAt.Day", before.Day.ToString(CultureInfo.InvariantCulture)), html, StringComparison.Ordinal);
        Assert.Contains(Field("Input_OccurredAt-year", "Input.OccurredAt.Year", before.Year.ToString(CultureInfo.InvariantCulture)), html,
            StringComparison.Ordinal);
        Assert.Contains("<label class=\"govuk-label\" for=\"Input_OccurredAt-time\">Time</label>"
            + "<div id=\"Input_OccurredAt-time-hint\" class=\"govuk-hint\">For example, 14:30 or 2:30pm</div>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_OccurredAt-time\" name=\"Input.OccurredAt.Time\" type=\"text\" value=\"\\d\\d:\\d\\d\"", html);
    }

    [Fact]
    public async Task Day_month_and_year_are_saved_as_the_date()
    {
        var (web, path, child, adult) = await RelationshipFormAsync();

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path,
            With(Relationship(adult), Parts("Input.StartedOn", "1", "6", "2023"))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.ToPersonId == child));
        Assert.Equal(new DateOnly(2023, 6, 1), saved.StartedOn);
    }

    [Fact]
    public async Task Nothing_typed_is_no_date()
    {
        var (web, path, child, adult) = await RelationshipFormAsync();

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path,
            With(Relationship(adult), Parts("Input.StartedOn", "", "", ""))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.ToPersonId == child))).StartedOn);
    }

    [Fact]
    public async Task A_single_value_posted_as_before_is_still_saved()
    {
        var (web, path, child, adult) = await RelationshipFormAsync();

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path,
            With(Relationship(adult), new() { ["Input.StartedOn"] = "2022-11-30" })));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2022, 11, 30), (await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.ToPersonId == child))).StartedOn);
    }

    [Theory]
    [InlineData("1", "", "2023", "Date the relationship started must include a month", "month")]
    [InlineData("", "", "2023", "Date the relationship started must include a day and month", "day month")]
    [InlineData("31", "2", "2026", "Date the relationship started must be a real date", "day month year")]
    [InlineData("1", "13", "2023", "Date the relationship started must be a real date", "month")]
    [InlineData("1", "6", "23", "Date the relationship started must be a real date", "year")]
    public async Task A_date_partly_filled_or_not_real_shows_the_error_summary_keeps_what_was_typed_and_saves_nothing(
        string day, string month, string year, string message, string wrong)
    {
        var (web, path, child, adult) = await RelationshipFormAsync();

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path,
            With(Relationship(adult), Parts("Input.StartedOn", day, month, year))));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<li><a href=\"#Input_StartedOn\">{message}</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"govuk-form-group govuk-form-group--error\"><fieldset class=\"govuk-fieldset\" role=\"group\""
            + " aria-describedby=\"Input_StartedOn-hint Input_StartedOn-error\">", html, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"Input_StartedOn-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {message}</p>",
            html, StringComparison.Ordinal);
        // The summary's link lands on the first field, and the fields at fault are marked.
        Assert.Contains(Field("Input_StartedOn", "Input.StartedOn.Day", day), html, StringComparison.Ordinal);
        Assert.Contains(Field("Input_StartedOn-month", "Input.StartedOn.Month", month), html, StringComparison.Ordinal);
        Assert.Contains(Field("Input_StartedOn-year", "Input.StartedOn.Year", year), html, StringComparison.Ordinal);
        Assert.Equal(wrong.Contains("day", StringComparison.Ordinal), MarkedWrong(html, "Input_StartedOn"));
        Assert.Equal(wrong.Contains("month", StringComparison.Ordinal), MarkedWrong(html, "Input_StartedOn-month"));
        Assert.Equal(wrong.Contains("year", StringComparison.Ordinal), MarkedWrong(html, "Input_StartedOn-year"));
        Assert.False(await factory.WithDbAsync(db => db.Relationships.AnyAsync(r => r.ToPersonId == child)));
    }

    [Fact]
    public async Task A_date_and_time_is_saved_as_the_london_time_typed()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child}/chronology/new";
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, London).DateTime).AddDays(-3);
        var summary = "Seen at the clinic " + Guid.NewGuid().ToString("N")[..6];

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, With(new()
        {
            ["Input.Category"] = "Incident",
            ["Input.Significance"] = "Routine",
            ["Input.ContactMode"] = "FaceToFace",
            ["Input.Summary"] = summary,
        }, Parts("Input.OccurredAt", day.Day.ToString(CultureInfo.InvariantCulture), day.Month.ToString(CultureInfo.InvariantCulture),
            day.Year.ToString(CultureInfo.InvariantCulture), "2:30pm"))));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var local = day.ToDateTime(new TimeOnly(14, 30));
        var expected = new DateTimeOffset(local, London.GetUtcOffset(local));
        var saved = await factory.WithDbAsync(db => db.ChronologySubjects.Where(e => e.PersonId == new PersonId(child)).Select(e => e.OccurredAt).SingleAsync());
        Assert.Equal(expected, saved);
    }

    [Theory]
    [InlineData("25:00", "Date and time it happened must be a real time")]
    [InlineData("", "Date and time it happened must include a time")]
    public async Task A_time_missing_or_not_real_shows_the_error_summary_and_saves_nothing(string time, string message)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child}/chronology/new";

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, With(new()
        {
            ["Input.Category"] = "Incident",
            ["Input.Significance"] = "Routine",
            ["Input.Summary"] = "Seen at the clinic",
        }, Parts("Input.OccurredAt", "1", "3", "2026", time))));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<li><a href=\"#Input_OccurredAt\">{message}</a></li>", html, StringComparison.Ordinal);
        Assert.True(MarkedWrong(html, "Input_OccurredAt-time"));
        Assert.False(MarkedWrong(html, "Input_OccurredAt"));
        Assert.Contains($"id=\"Input_OccurredAt-time\" name=\"Input.OccurredAt.Time\" type=\"text\" value=\"{time}\"", html, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ChronologySubjects.AnyAsync(e => e.PersonId == new PersonId(child))));
    }

    [Fact]
    public async Task No_date_at_all_gets_the_pages_own_message_on_the_whole_date()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child}/chronology/new";

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, With(new()
        {
            ["Input.Category"] = "Incident",
            ["Input.Significance"] = "Routine",
            ["Input.Summary"] = "Seen at the clinic",
        }, Parts("Input.OccurredAt", "", "", "", ""))));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li><a href=\"#Input_OccurredAt\">Enter the date and time it happened</a></li>", html, StringComparison.Ordinal);
        Assert.True(MarkedWrong(html, "Input_OccurredAt"));
        Assert.True(MarkedWrong(html, "Input_OccurredAt-time"));
    }

    [Fact]
    public async Task The_chronology_filter_binds_day_month_and_year_from_the_address_as_it_did_single_dates()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        foreach (var (summary, daysAgo) in new[] { ("Recent incident at school", 10), ("Older incident at home", 40) })
        {
            var recorded = await api.PostAsJsonAsync($"/api/v1/people/{child}/chronology", new
            {
                occurredAt = DateTimeOffset.UtcNow.AddDays(-daysAgo),
                category = "Incident",
                significance = "Routine",
                contactMode = "FaceToFace",
                summary,
            });
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20);
        var parts = await web.GetStringAsync($"/people/{child}?From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}");
        var single = await web.GetStringAsync($"/people/{child}?from={FamilyTestData.Iso(from)}");
        var wrong = await web.GetAsync($"/people/{child}?From.Day=31&From.Month=2&From.Year={from.Year}");
        var wrongHtml = await wrong.Content.ReadAsStringAsync();

        foreach (var html in new[] { parts, single })
        {
            Assert.Contains("Recent incident at school", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Older incident at home", html, StringComparison.Ordinal);
            Assert.Contains(Field("From", "From.Day", from.Day.ToString(CultureInfo.InvariantCulture)), html, StringComparison.Ordinal);
            Assert.DoesNotContain("govuk-error-summary", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("<li><a href=\"#From\">From date must be a real date</a></li>", wrongHtml, StringComparison.Ordinal);
        Assert.Contains(Field("From", "From.Day", "31"), wrongHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_a_person_binds_the_date_of_birth_from_the_address()
    {
        var surname = FamilyTestData.UniqueName();
        await factory.PersonAsync("Ada", surname, new DateOnly(2019, 3, 14), involved: Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var search = $"/people?search=1&Input.Name={surname}&Input.DateOfBirth.Day=14&Input.DateOfBirth.Month=3&Input.DateOfBirth.Year=";

        var born = await web.GetStringAsync(search + "2019");
        // Not 2018: since ranking (issue #16) a year one out is a slip that still finds her; 2005 is no slip of 2019.
        var notBorn = await web.GetStringAsync(search + "2005");
        var partial = await web.GetStringAsync($"/people?search=1&Input.Name={surname}&Input.DateOfBirth.Day=14&Input.DateOfBirth.Year=2019");

        Assert.Contains($"Ada {surname}", born, StringComparison.Ordinal);
        Assert.DoesNotContain($"Ada {surname}", notBorn, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Input_DateOfBirth\">Date of birth must include a month</a></li>", partial, StringComparison.Ordinal);
        Assert.DoesNotContain($"Ada {surname}", partial, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_search_binds_its_dates_from_the_address()
    {
        var web = await factory.SignedInAsAsync(Accounts.SafeguardingLead);

        var backwards = await web.GetStringAsync("/audit?From.Day=2&From.Month=5&From.Year=2026&To.Day=1&To.Month=5&To.Year=2026");
        var unreal = await web.GetStringAsync("/audit?From.Day=2&From.Month=5&From.Year=2026&To.Day=31&To.Month=4&To.Year=2026");

        Assert.Contains("<li><a href=\"#To\">The end date must be the same as or after the start date</a></li>", backwards, StringComparison.Ordinal);
        Assert.Contains(Field("To", "To.Day", "1"), backwards, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#To\">To date must be a real date</a></li>", unreal, StringComparison.Ordinal);
        Assert.Contains(Field("From-year", "From.Year", "2026"), unreal, StringComparison.Ordinal);
    }
}
