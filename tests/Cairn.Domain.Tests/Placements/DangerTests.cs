using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Dangers;
using Cairn.Domain.Places;

namespace Cairn.Domain.Tests.Placements;

/// <summary>
/// People and places posing a risk to a child (L35): each has a location where one can be known, places must resolve to the
/// postcode directory, and only the dangers that concern a child are returned for matching.
/// </summary>
public sealed class DangerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly AreaId Area = AreaId.New();
    private static readonly PersonId Child = PersonId.New();
    private static readonly PostcodeLocation York = new("E06000014", 459652, 451975);
    private static readonly ProfessionalId Worker = ProfessionalId.New();

    private static PlaceOfConcern Place(PersonId? child = null, RiskKind kind = RiskKind.SexualExploitation, AreaId? area = null,
        int fromDays = -10, int? toDays = null) =>
        PlaceOfConcern.Record(area ?? Area, child, "The park by the river", "YO1 0AJ", York, kind, "Older men meet girls here",
            Today.AddDays(fromDays),
            toDays is { } t ? Today.AddDays(t) : null, Worker, Now, Today).Value!;

    public static TheoryData<string, string?, string?, bool, RiskKind?, string?, int?, int?, string?> Records => new()
    {
        // case, name, postcode, in the directory, kind, risk, from (days), to (days), field refused (null: accepted)
        { "a place", "A takeaway", "yo1 0aj", true, RiskKind.CriminalExploitation, "Drugs run from here", -5, null, null },
        { "a place already ended", "A hotel", "YO1 0AJ", true, RiskKind.SexualExploitation, "Rooms booked by adults", -30, -1, null },
        { "no name", " ", "YO1 0AJ", true, RiskKind.Violence, "Fights", -1, null, "Name" },
        { "a name too long", new string('x', 201), "YO1 0AJ", true, RiskKind.Violence, "Fights", -1, null, "Name" },
        { "not a postcode", "A park", "NOT A POSTCODE", true, RiskKind.Violence, "Fights", -1, null, "Postcode" },
        { "a postcode not in the directory", "A park", "ZZ9 9ZZ", false, RiskKind.Violence, "Fights", -1, null, "Postcode" },
        { "no kind", "A park", "YO1 0AJ", true, null, "Fights", -1, null, "Kind" },
        { "a kind not known", "A park", "YO1 0AJ", true, (RiskKind)42, "Fights", -1, null, "Kind" },
        { "no risk", "A park", "YO1 0AJ", true, RiskKind.Violence, "", -1, null, "Risk" },
        { "a risk too long", "A park", "YO1 0AJ", true, RiskKind.Violence, new string('x', 501), -1, null, "Risk" },
        { "no start", "A park", "YO1 0AJ", true, RiskKind.Violence, "Fights", null, null, "From" },
        { "a start in the future", "A park", "YO1 0AJ", true, RiskKind.Violence, "Fights", 1, null, "From" },
        { "an end before the start", "A park", "YO1 0AJ", true, RiskKind.Violence, "Fights", -1, -2, "To" },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void A_place_of_concern_needs_a_name_a_postcode_in_the_directory_a_kind_a_risk_and_plausible_dates(string @case, string? name,
        string? postcode, bool inDirectory, RiskKind? kind, string? risk, int? fromDays, int? toDays, string? refused)
    {
        var outcome = PlaceOfConcern.Record(Area, null, name, postcode, inDirectory ? York : null, kind, risk,
            fromDays is { } f ? Today.AddDays(f) : null, toDays is { } t ? Today.AddDays(t) : null, Worker, Now, Today);

        Assert.True(refused is null == outcome.Succeeded, @case);
        if (refused is not null)
        {
            Assert.Contains(outcome.Refusal!.Errors, e => e.Field == refused);
        }
        else
        {
            Assert.Equal(("YO1 0AJ", York, 1), (outcome.Value!.Postcode, outcome.Value.Location, outcome.Value.Version));
        }
    }

    public static TheoryData<string, int?, int, int?, string?> Ends => new()
    {
        // case, end (days), version sent, already ended (days), field refused (null: accepted)
        { "ended today", 0, 1, null, null },
        { "ended on its first day", -10, 1, null, null },
        { "no date", null, 1, null, "To" },
        { "in the future", 1, 1, null, "To" },
        { "before it started", -11, 1, null, "To" },
        { "stale", 0, 0, null, Refusal.VersionField },
        { "already ended", 0, 1, -1, "To" },
    };

    [Theory]
    [MemberData(nameof(Ends))]
    public void A_place_is_ended_never_deleted_from_its_start_to_today(string @case, int? on, int version, int? endedDays, string? refused)
    {
        var place = Place(toDays: endedDays);

        var refusal = place.End(on is { } d ? Today.AddDays(d) : null, version, Today);

        Assert.True(refused is null == refusal is null, @case);
        if (refused is not null)
        {
            Assert.Equal(refused, refusal!.Errors[0].Field);
        }
        else
        {
            Assert.Equal((Today.AddDays(on!.Value), 2), (place.To, place.Version));
        }
    }

    public static TheoryData<string, bool, bool, RiskKind, int, Vulnerability[], bool> Concerning => new()
    {
        // case, named for this child, named for another, kind, end (days; 99 = none), vulnerabilities, concerns the child
        { "named for the child, any kind", true, false, RiskKind.Radicalisation, 99, [], true },
        { "named for another child", false, true, RiskKind.SexualExploitation, 99, [Vulnerability.SexualExploitation], false },
        { "area-wide, kind matters", false, false, RiskKind.SexualExploitation, 99, [Vulnerability.SexualExploitation], true },
        { "area-wide, sexual harm endangers the exploited", false, false, RiskKind.SexualHarm, 99, [Vulnerability.SexualExploitation], true },
        { "area-wide, kind does not matter", false, false, RiskKind.CriminalExploitation, 99, [Vulnerability.SexualHarm], false },
        { "area-wide, no vulnerabilities", false, false, RiskKind.Violence, 99, [], false },
        { "named for the child, ended", true, false, RiskKind.Violence, -1, [], false },
        { "area-wide, ending today still counts", false, false, RiskKind.Substances, 0, [Vulnerability.SubstanceMisuse], true },
    };

    [Theory]
    [MemberData(nameof(Concerning))]
    public void A_place_concerns_a_child_when_named_for_them_or_area_wide_and_matters_for_their_vulnerabilities(string @case, bool forChild,
        bool forAnother, RiskKind kind, int endDays, Vulnerability[] vulnerabilities, bool concerns)
    {
        var place = Place(forChild ? Child : forAnother ? PersonId.New() : null, kind, toDays: endDays == 99 ? null : endDays);

        Assert.True(concerns == DangerRules.Concerns(place, Child, Area, vulnerabilities, Today), @case);
    }

    [Fact]
    public void An_area_wide_place_in_another_area_never_concerns_the_child()
    {
        var elsewhere = Place(area: AreaId.New());

        Assert.False(DangerRules.Concerns(elsewhere, Child, Area, [Vulnerability.SexualExploitation], Today));
    }

    public static TheoryData<string, string?, bool, bool, DangerLocationSource> Locating => new()
    {
        // case, own place postcode (null: none recorded), details recorded, current address resolved, where the location comes from
        { "no details, address resolved", null, false, true, DangerLocationSource.CurrentAddress },
        { "no details, no address", null, false, false, DangerLocationSource.None },
        { "details without a place, address resolved", null, true, true, DangerLocationSource.CurrentAddress },
        { "a place of their own wins over the address", "YO1 0BU", true, true, DangerLocationSource.RecordedPlace },
        { "a place of their own and no address", "YO1 0BU", true, false, DangerLocationSource.RecordedPlace },
    };

    [Theory]
    [MemberData(nameof(Locating))]
    public void A_person_posing_a_risk_is_located_at_a_place_of_their_own_or_else_their_current_address(string @case, string? ownPostcode,
        bool details, bool addressResolved, DangerLocationSource expected)
    {
        var own = new PostcodeLocation("E06000014", 460000, 452000);
        var recorded = details
            ? RiskPersonDanger.Record(RelationshipId.New(), Child, PersonId.New(), RiskKind.SexualExploitation,
                ownPostcode is null ? null : "His flat",
                ownPostcode, ownPostcode is null ? null : own, Worker, Now).Value
            : null;

        var (location, postcode, source) = DangerRules.LocatePerson(recorded, addressResolved ? "YO1 0AJ" : null, addressResolved ? York : null);

        Assert.Equal(expected, source);
        Assert.Equal(expected switch { DangerLocationSource.RecordedPlace => own, DangerLocationSource.CurrentAddress => York, _ => null },
            location);
        Assert.Equal(expected switch
        {
            DangerLocationSource.RecordedPlace => ownPostcode,
            DangerLocationSource.CurrentAddress => "YO1 0AJ",
            _ => null
        },
            postcode);
        Assert.True(@case.Length > 0);
    }

    public static TheoryData<string, RiskKind?, string?, string?, bool, string?> PersonDetails => new()
    {
        // case, kind, place description, postcode, in the directory, field refused (null: accepted)
        { "kind only: their address is used", RiskKind.SexualExploitation, null, null, true, null },
        { "kind and a place of their own", RiskKind.CriminalExploitation, "The garage he runs", "YO1 0AJ", true, null },
        { "no kind", null, null, null, true, "Kind" },
        { "a place with no postcode", RiskKind.Violence, "The gym", null, true, "Postcode" },
        { "a postcode with no description", RiskKind.Violence, null, "YO1 0AJ", true, "PlaceName" },
        { "a postcode not in the directory", RiskKind.Violence, "The gym", "ZZ9 9ZZ", false, "Postcode" },
        { "not a postcode", RiskKind.Violence, "The gym", "12345", true, "Postcode" },
    };

    [Theory]
    [MemberData(nameof(PersonDetails))]
    public void A_risk_persons_details_need_a_kind_and_a_place_needs_a_description_and_a_postcode_in_the_directory(string @case, RiskKind? kind,
        string? place, string? postcode, bool inDirectory, string? refused)
    {
        var outcome = RiskPersonDanger.Record(RelationshipId.New(), Child, PersonId.New(), kind, place, postcode, inDirectory ? York : null, Worker,
            Now);

        Assert.True(refused is null == outcome.Succeeded, @case);
        if (refused is not null)
        {
            Assert.Contains(outcome.Refusal!.Errors, e => e.Field == refused);
        }
        else
        {
            Assert.Equal((1, postcode is null ? null : York), (outcome.Value!.Version, outcome.Value.OwnLocation));
        }
    }

    [Fact]
    public void Changing_a_risk_persons_details_needs_the_version_read()
    {
        var details = RiskPersonDanger.Record(RelationshipId.New(), Child, PersonId.New(), RiskKind.Violence, null, null, null, Worker, Now).Value!;

        Assert.True(details.Set(RiskKind.SexualHarm, null, null, null, 0, Worker, Now)!.IsConflict);
        Assert.Null(details.Set(RiskKind.SexualHarm, null, null, null, 1, Worker, Now));
        Assert.Equal((RiskKind.SexualHarm, 2), (details.Kind, details.Version));
    }

    [Fact]
    public void Dangers_are_split_into_located_and_unlocated_people_first()
    {
        var located = new ChildDanger(DangerSource.Place, Guid.NewGuid(), "A park", York, "YO1 0AJ", DangerLocationSource.RecordedPlace,
            RiskKind.Violence);
        var person = located with { Source = DangerSource.Person, Id = Guid.NewGuid(), Label = "Z person" };
        var nowhere = located with { Source = DangerSource.Person, Id = Guid.NewGuid(), Location = null, LocatedBy = DangerLocationSource.None };

        var split = DangerRules.Split([located, nowhere, person]);

        Assert.Equal([person, located], split.Located);
        Assert.Equal([nowhere], split.Unlocated);
    }
}
