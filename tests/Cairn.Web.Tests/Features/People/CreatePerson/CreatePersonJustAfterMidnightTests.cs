using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.People.CreatePerson;

/// <summary>Dates are England's dates: a baby born today just after midnight in summer can be recorded today.</summary>
public sealed class CreatePersonJustAfterMidnightTests(JustAfterMidnightFactory factory) : IClassFixture<JustAfterMidnightFactory>
{
    [Fact]
    public async Task A_child_born_today_just_after_midnight_in_summer_is_recorded()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var response = await api.PostAsJsonAsync("/api/v1/people", new
        {
            kind = "Child",
            givenName = "Newborn",
            familyName = "Midnightly",
            dateOfBirth = JustAfterMidnightFactory.LondonToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            role = "AllocatedSocialWorker",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
