using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cairn.Domain.Returns;
using Cairn.Domain.Returns.CinCensus;
using static Cairn.Domain.Tests.Returns.CinCensus.ACensus;

namespace Cairn.Domain.Tests.Returns.CinCensus;

public sealed partial class CinCensusTests
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new CollectionYearAsLabel() } };

    [Fact]
    public void A_realistic_census_passes_every_implemented_rule()
    {
        var census = ARealisticCensus.Build().InCensusPeriod();
        var validator = new CinValidator(Year);

        var failures = validator.Validate(census);

        Assert.Empty(failures.Select(f => $"{f.ChildId} {f.RuleCode}"));
        Assert.Equal(7, census.Children.Count);
    }

    [Fact]
    public void Every_element_of_a_generated_census_is_in_the_DfE_order()
    {
        var document = CinCensusXml.Write(ARealisticCensus.Build());

        foreach (var element in document.Descendants().Where(e => e.HasElements))
        {
            var path = PathOf(element);
            Assert.True(CinCensusFields.ChildOrder.TryGetValue(path, out var order), $"{path} is not in the fields file.");
            var positions = element.Elements().Select(c => order.ToList().IndexOf(c.Name.LocalName)).ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order(), positions);
        }
    }

    [Fact]
    public void Every_element_of_the_fields_file_is_written_when_the_record_holds_it()
    {
        var document = CinCensusXml.Write(Full());
        var written = document.Descendants().Select(PathOf).ToHashSet();

        var missing = CinCensusFields.All
            .Where(f => f.Element != "GenderCurrent")
            .Select(f => CinCensusFields.FullPath(f.XPath))
            .Where(p => !written.Contains(p));

        Assert.Empty(missing);
    }

    [Fact]
    public void Referral_nfa_comes_after_section_47_and_before_child_protection_plans_as_the_schema_says()
    {
        var episode = CinCensusXml.Write(Full()).Descendants("CINdetails").Single();
        var names = episode.Elements().Select(e => e.Name.LocalName).ToList();

        Assert.Equal(names.IndexOf("ReferralNFA") - 1, names.LastIndexOf("Section47"));
        Assert.Equal(names.IndexOf("ReferralNFA") + 1, names.IndexOf("ChildProtectionPlans"));
    }

    [Fact]
    public void Reading_a_written_census_gives_back_the_census()
    {
        var census = Full();

        var read = CinCensusXml.Read(XDocument.Parse(CinCensusXml.Write(census).ToString()));

        Assert.Equal(JsonSerializer.Serialize(census, Json), JsonSerializer.Serialize(read, Json));
    }

    [Fact]
    public void Reading_the_realistic_census_gives_back_its_period()
    {
        var census = ARealisticCensus.Build();

        var read = CinCensusXml.Read(CinCensusXml.Write(census));

        Assert.Equal(JsonSerializer.Serialize(census.InCensusPeriod(), Json), JsonSerializer.Serialize(read, Json));
    }

    [Fact]
    public void Dates_are_written_yyyy_mm_dd()
    {
        var document = CinCensusXml.Write(Full());
        var dates = document.Descendants().Where(e => !e.HasElements && (e.Name.LocalName.Contains("Date", StringComparison.Ordinal)
            || e.Name.LocalName is "InitialCPCtarget" or "CPPreviewDate")).ToList();

        Assert.NotEmpty(dates);
        Assert.All(dates.Where(d => d.Name.LocalName != "DateTime"), d => Assert.Matches(IsoDate(), d.Value));
    }

    [Fact]
    public void Only_the_census_periods_episodes_are_written_with_what_was_open_on_1_April()
    {
        var child = Child() with
        {
            Episodes =
            [
                Referral("2023-06-01") with { ClosureDate = D("2024-03-31"), ReasonForClosure = "RC7" },
                Referral("2024-01-10") with { ClosureDate = D("2025-05-01"), ReasonForClosure = "RC7" },
                Referral("2025-04-01"),
            ],
        };

        var written = CinCensusXml.Read(CinCensusXml.Write(Return(child)));

        var episode = Assert.Single(Assert.Single(written.Children).Episodes);
        Assert.Equal(D("2024-01-10"), episode.ReferralDate);
        Assert.Null(episode.ClosureDate);
        Assert.Null(episode.ReasonForClosure);
    }

    [Fact]
    public void Work_finished_before_the_period_is_left_out_of_an_open_episode()
    {
        var episode = Referral("2024-01-10") with
        {
            Assessments = [Assessment("2024-01-11", "2024-03-01", "3A"), Assessment("2024-03-20", "2024-04-10", "4B")],
            CinPlans = [Plan("2024-03-02", "2024-03-30"), Plan("2024-04-02", null)],
        };

        var inPeriod = Return(Child() with { Episodes = [episode] }).InCensusPeriod().Children[0].Episodes[0];

        Assert.Equal([D("2024-03-20")], inPeriod.Assessments.Select(a => a.StartDate));
        Assert.Equal([D("2024-04-02")], inPeriod.CinPlans.Select(p => p.StartDate));
    }

    [Fact]
    public void Before_2024_25_sex_is_returned_as_gender_current()
    {
        var census = Return(Child()) with { Header = CinCensusHeader.For(CollectionYear.Ending(2024), "938") };
        census = census with { Children = [Child() with { Episodes = [Referral("2023-05-01")] }] };

        var document = CinCensusXml.Write(census);

        Assert.Equal("1", document.Descendants("GenderCurrent").Single().Value);
        Assert.Empty(document.Descendants("Sex"));
        Assert.Equal("M", CinCensusXml.Read(document).Children[0].Sex);
    }

    [Fact]
    public void The_shipped_data_is_the_DfE_field_list_code_lists_and_catalogues()
    {
        Assert.Equal(53, CinCensusFields.All.Count);
        Assert.Equal(137, CinCodes.All.Count);
        Assert.All(CinCensusYears.WithCatalogue, y => Assert.Equal(109, CinRuleCatalogue.For(y).Count));
        Assert.All(CinCensusYears.WithCatalogue, y => Assert.Equal(
            [RuleSeverity.Error, RuleSeverity.Query], CinRuleCatalogue.For(y).Select(r => r.Severity).Distinct().Order()));
        Assert.Equal("Case closed after assessment, referred to early help", CinCodes.All.Single(c => c.Code == "RC9").Description);
    }

    [Theory]
    [InlineData(2024, CinCodes.GenderCurrent, "1", true)]
    [InlineData(2025, CinCodes.GenderCurrent, "1", false)]
    [InlineData(2024, CinCodes.Sex, "M", false)]
    [InlineData(2025, CinCodes.Sex, "M", true)]
    [InlineData(2024, CinCodes.ReasonForClosure, "RC9", true)]
    [InlineData(2023, CinCodes.ReasonForClosure, "RC9", false)]
    [InlineData(2025, CinCodes.AssessmentFactor, "18A", false)]
    [InlineData(2025, CinCodes.AssessmentFactor, "18B", true)]
    public void Codes_are_valid_in_the_years_the_DfE_gives(int endYear, string codeList, string code, bool valid) =>
        Assert.Equal(valid, CinCodes.IsValid(codeList, code, CollectionYear.Ending(endYear)));

    [Fact]
    public void A_census_year_is_named_as_the_DfE_names_it()
    {
        var year = CollectionYear.Parse("2024/25");

        Assert.Equal(2025, year.EndingYear);
        Assert.Equal("2024/25", year.Label);
        Assert.Equal(D("2024-04-01"), year.Start);
        Assert.Equal(D("2025-03-31"), year.End);
        Assert.Equal("cin_rules_2024_25.csv", CinRuleCatalogue.FileName(year));
        Assert.True(CinCensusYears.ReturnsSex(year));
        Assert.False(CinCensusYears.ReturnsSex(year.Previous));
        Assert.Throws<FormatException>(() => CollectionYear.Parse("2024/26"));
        Assert.Throws<ArgumentOutOfRangeException>(() => CinCensusYears.Ending(2008));
    }

    /// <summary>A census with every element the fields file names (but GenderCurrent, which 2024/25 replaces with Sex).</summary>
    private static CinCensusReturn Full()
    {
        var child = Child() with
        {
            FormerUpn = Upn("938123456781"),
            UpnUnknown = "UN5",
            ExpectedPersonBirthDate = D("2015-06-10"),
            PersonDeathDate = D("2025-03-01"),
            Disabilities = ["MOB", "HAND"],
        };
        var episode = child.Episodes[0] with
        {
            ClosureDate = D("2025-03-01"),
            ReasonForClosure = "RC2",
            DateOfInitialCpc = D("2024-07-19"),
            Assessments = [Assessment("2024-05-02", "2024-06-10", "3A", "4B") with { InternalReviewDate = D("2024-05-20") }],
            PreProceedings = new CinPreProceedings
            {
                PreProceedingsStartDate = D("2024-10-01"),
                LetterBeforeProceedingsSentDate = D("2024-09-25"),
                FgdmMeetingOffered = true,
                FgdmMeetingFacilitated = false,
                InitialMeetingDate = D("2024-10-08"),
                ReviewMeetingsCount = 2,
                StepDecisionDate = D("2025-01-15"),
                Outcome = "A",
                CourtApplicationDate = D("2025-02-01"),
                LetterInitiatingCareProceedingsDate = D("2025-01-20"),
            },
        };
        episode = episode with
        {
            ChildProtectionPlans = [episode.ChildProtectionPlans[0] with { EndDate = D("2025-03-01") }],
        };
        return ARealisticCensus.Build() with { Children = [child with { Episodes = [episode] }] };
    }

    private static string PathOf(XElement element) =>
        string.Join('/', element.AncestorsAndSelf().Reverse().Select(e => e.Name.LocalName));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    /// <summary>A year's <see cref="CollectionYear.Previous"/> is a year too, which the serializer would follow for ever.</summary>
    private sealed class CollectionYearAsLabel : JsonConverter<CollectionYear>
    {
        public override CollectionYear Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            CollectionYear.Parse(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, CollectionYear value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Label);
    }
}
