using Cairn.Domain.People;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;

namespace Cairn.Domain.Tests.People;

/// <summary>A parent's own allocated worker (L29): linked to an adult, current between its dates, ended once.</summary>
public sealed class AdultWorkerTests
{
    private static readonly PersonId Parent = PersonId.New();
    private static readonly ProfessionalId Worker = ProfessionalId.New();
    private static readonly ProfessionalId RecordedBy = ProfessionalId.New();
    private static readonly AgencyId MentalHealthTrust = AgencyId.New();
    // 00:30 London on Monday 1 June 2026 is still Sunday 31 May in UTC: "today" is the London date.
    private static readonly DateTimeOffset Now = At(2026, 6, 1, 0, 30);
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static Outcome<AdultWorker> Link(bool isAdult = true, ProfessionalId? professional = null, AgencyId? agency = null,
        AdultService? service = AdultService.MentalHealth, DateOnly? startedOn = null, bool alreadyLinked = false, bool noWorker = false) =>
        AdultWorker.Link(Parent, isAdult, noWorker ? null : professional ?? Worker, noWorker ? null : agency ?? MentalHealthTrust, service,
            startedOn ?? Today.AddMonths(-3), alreadyLinked, RecordedBy, Now);

    [Fact]
    public void Linking_records_the_worker_their_agency_and_service_from_a_date()
    {
        var worker = Link().Value!;

        Assert.Equal((Parent, Worker, MentalHealthTrust, AdultService.MentalHealth, Today.AddMonths(-3), (DateOnly?)null),
            (worker.AdultId, worker.ProfessionalId, worker.AgencyId, worker.Service, worker.StartedOn, worker.EndedOn));
        Assert.Equal((RecordedBy, Now, 1), (worker.RecordedBy, worker.RecordedAt, worker.Version));
    }

    [Fact]
    public void Allocated_today_in_London_is_accepted()
    {
        Assert.True(Link(startedOn: Today).Succeeded);
        Assert.Equal(["StartedOn"], Fields(Link(startedOn: Today.AddDays(1)).Refusal));
    }

    public static TheoryData<bool, bool, AdultService?, DateOnly?, bool, string[]> BadLinks => new()
    {
        { false, false, AdultService.AdultSocialCare, Today, false, ["AdultId"] },
        { true, true, AdultService.AdultSocialCare, Today, false, ["ProfessionalId"] },
        { true, false, AdultService.AdultSocialCare, Today, true, ["ProfessionalId"] },
        { true, false, null, Today, false, ["Service"] },
        { true, false, (AdultService)42, Today, false, ["Service"] },
        { true, false, AdultService.AdultSocialCare, Today.AddYears(-50).AddDays(-1), false, ["StartedOn"] },
        { false, true, null, Today.AddDays(3), false, ["AdultId", "ProfessionalId", "Service", "StartedOn"] },
    };

    [Theory]
    [MemberData(nameof(BadLinks))]
    public void A_worker_is_linked_only_to_an_adult_once_with_a_service_and_a_past_date(bool isAdult, bool noWorker, AdultService? service,
        DateOnly? startedOn, bool alreadyLinked, string[] fields)
    {
        var outcome = Link(isAdult, service: service, startedOn: startedOn, alreadyLinked: alreadyLinked, noWorker: noWorker);

        Assert.Equal(fields, outcome.Refusal!.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_start_date_is_required()
    {
        var outcome = AdultWorker.Link(Parent, true, Worker, MentalHealthTrust, AdultService.Probation, null, false, RecordedBy, Now);

        Assert.Equal(["StartedOn"], Fields(outcome.Refusal));
    }

    [Fact]
    public void A_worker_is_current_from_their_start_to_their_end_inclusive()
    {
        var worker = Link(startedOn: new DateOnly(2026, 3, 2)).Value!;
        Assert.False(worker.IsCurrentOn(new DateOnly(2026, 3, 1)));
        Assert.True(worker.IsCurrentOn(new DateOnly(2026, 3, 2)));
        Assert.True(worker.IsCurrentOn(new DateOnly(2030, 1, 1)));

        Assert.Null(worker.End(new DateOnly(2026, 5, 29), worker.Version, Now));

        Assert.True(worker.IsCurrentOn(new DateOnly(2026, 5, 29)));
        Assert.False(worker.IsCurrentOn(new DateOnly(2026, 5, 30)));
        Assert.Equal(2, worker.Version);
    }

    [Fact]
    public void Ending_needs_a_date_from_the_start_to_today_and_happens_once()
    {
        var worker = Link().Value!;

        Assert.Equal(["EndedOn"], Fields(worker.End(null, worker.Version, Now)));
        Assert.Equal(["EndedOn"], Fields(worker.End(worker.StartedOn.AddDays(-1), worker.Version, Now)));
        Assert.Equal(["EndedOn"], Fields(worker.End(Today.AddDays(1), worker.Version, Now)));
        Assert.Equal(RefusalKind.Conflict, worker.End(Today, worker.Version + 1, Now)!.Kind);

        Assert.Null(worker.End(Today, worker.Version, Now));

        Assert.Equal(Today, worker.EndedOn);
        Assert.Equal("This allocation has already ended", worker.End(Today, worker.Version, Now)!.Errors[0].Message);
    }
}
