using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.Alerts.RaiseAlert;

/// <summary>Dates are England's dates: an alert raised "today" just after midnight in summer is raised today.</summary>
public sealed class RaiseAlertJustAfterMidnightTests(JustAfterMidnightFactory factory) : IClassFixture<JustAfterMidnightFactory>
{
    [Fact]
    public async Task An_alert_raised_with_todays_date_just_after_midnight_in_summer_is_accepted()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var today = JustAfterMidnightFactory.LondonToday;

        var response = await api.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/alerts", new
        {
            category = "RiskFromAPerson",
            risk = "Former partner seen at nursery",
            atRisk = "The child",
            fromWhom = "Mother's former partner",
            source = "Nursery manager",
            raisedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            reviewBy = today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            description = Given.ActionableDescription,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
