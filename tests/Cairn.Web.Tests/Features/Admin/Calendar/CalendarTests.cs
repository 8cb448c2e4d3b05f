using System.Net;
using System.Net.Http.Json;
using Cairn.Web.Data;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Admin.Calendar;

public sealed class CalendarTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static readonly DateOnly Proclaimed = new(2027, 3, 3);

    [Fact]
    public async Task A_proclaimed_bank_holiday_added_by_an_administrator_stops_the_clocks_that_day()
    {
        var calendars = factory.Services.GetRequiredService<WorkingCalendarSource>();
        Assert.True((await calendars.GetAsync(CancellationToken.None)).IsWorkingDay(Proclaimed));
        var admin = await factory.ApiAsAsync(Accounts.Administrator);

        var response = await admin.PostAsJsonAsync("/api/v1/admin/calendar", new { date = Proclaimed, name = "Bank holiday for a royal occasion" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False((await calendars.GetAsync(CancellationToken.None)).IsWorkingDay(Proclaimed));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "calendar.add-bank-holiday")));
    }

    [Fact]
    public async Task A_day_in_the_past_or_already_a_holiday_is_refused()
    {
        var admin = await factory.ApiAsAsync(Accounts.Administrator);

        var past = await admin.PostAsJsonAsync("/api/v1/admin/calendar", new { date = new DateOnly(2020, 1, 6), name = "Too late" });
        var christmas = await admin.PostAsJsonAsync("/api/v1/admin/calendar", new { date = new DateOnly(2028, 12, 25), name = "Christmas again" });

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, christmas.StatusCode);
    }

    [Theory]
    [InlineData(Accounts.SocialWorker)]
    [InlineData(Accounts.SafeguardingLead)]
    public async Task Only_administrators_change_the_calendar(string email)
    {
        var api = await factory.ApiAsAsync(email);
        var before = await factory.WithDbAsync(db => db.CalendarAdjustments.CountAsync());

        var response = await api.PostAsJsonAsync("/api/v1/admin/calendar", new { date = new DateOnly(2029, 6, 6), name = "Not allowed" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.CalendarAdjustments.CountAsync()));
    }
}
