using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;

namespace Cairn.Domain.Tests.FrontDoor;

public class ThresholdDocumentTests
{
    private static readonly AreaId Area = AreaId.New();
    private static readonly ProfessionalId Lead = ProfessionalId.New();
    private static readonly DateTimeOffset Shipped = At(2026, 4, 1, 9, 0);
    private static readonly DateTimeOffset Now = At(2026, 11, 23, 10, 0);
    private const string Descriptor = "Additional needs met by a coordinated early help plan with a lead professional.";

    private static ThresholdDocument Document() => ThresholdDocument.Default(Area, Shipped);

    private static Outcome<ThresholdDocument> Revise(ThresholdDocument document, string? lines, string? descriptor = Descriptor, string? note = "Local partnership review, November 2026",
        ThresholdLevel level = ThresholdLevel.EarlyHelp, int? edition = null) =>
        document.Revise(level, descriptor, lines, note, edition ?? document.Edition, Lead, Now);

    private static string Text(string code) => Document().Indicator(code)!.Text;

    // ---- The default document ----

    [Fact]
    public void The_default_document_has_the_four_levels_lowest_first()
    {
        var document = Document();

        Assert.Equal([ThresholdLevel.Universal, ThresholdLevel.EarlyHelp, ThresholdLevel.Targeted, ThresholdLevel.Statutory], document.Levels.Select(l => l.Level));
        Assert.Equal((1, Area, Shipped), (document.Edition, document.AreaId, document.PublishedAt));
        Assert.Null(document.PublishedBy);
        Assert.False(string.IsNullOrWhiteSpace(document.ChangeNote));
    }

    [Fact]
    public void Every_default_level_has_a_descriptor_and_indicators_numbered_with_its_prefix()
    {
        var document = Document();

        Assert.All(document.Levels, level =>
        {
            Assert.False(string.IsNullOrWhiteSpace(level.Descriptor));
            Assert.NotEmpty(level.Indicators);
            Assert.All(level.Indicators, i => Assert.False(string.IsNullOrWhiteSpace(i.Text)));
        });
        Assert.Equal(["U01", "U02", "U03", "U04"], document.For(ThresholdLevel.Universal).Indicators.Select(i => i.Code));
        Assert.Equal(["EH01", "EH02", "EH03", "EH04", "EH05", "EH06"], document.For(ThresholdLevel.EarlyHelp).Indicators.Select(i => i.Code));
        Assert.Equal(7, document.For(ThresholdLevel.Targeted).Indicators.Count);
        Assert.Equal(8, document.For(ThresholdLevel.Statutory).Indicators.Count);
    }

    [Fact]
    public void Indicator_codes_are_unique_across_the_document()
    {
        var codes = Document().Levels.SelectMany(l => l.Indicators).Select(i => i.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void An_indicator_is_found_by_its_code_with_its_theme()
    {
        var document = Document();

        var dash = document.Indicator("S04")!;

        Assert.Equal(ConcernTheme.DomesticAbuse, dash.Theme);
        Assert.Contains("DASH high", dash.Text, StringComparison.Ordinal);
        Assert.Null(document.Indicator("S99"));
    }

    // ---- Revising ----

    [Fact]
    public void A_revision_against_an_old_edition_is_refused()
    {
        var document = Document();

        var outcome = Revise(document, "Anything [Neglect]", edition: 0);

        Assert.Null(outcome.Value);
        Assert.Equal(new HashSet<string> { "Edition" }, Fields(outcome.Refusal));
    }

    [Fact]
    public void A_revision_of_a_superseded_edition_is_refused_but_of_the_current_one_accepted()
    {
        var second = Revise(Document(), "Attendance falling [Education]").Value!;

        Assert.Equal(new HashSet<string> { "Edition" }, Fields(Revise(second, "Something else", edition: 1).Refusal));
        Assert.Equal(3, Revise(second, "Something else").Value!.Edition);
    }

    [Fact]
    public void A_revision_with_nothing_filled_in_is_refused_naming_every_field()
    {
        var outcome = Revise(Document(), " \n \r\n ", descriptor: "  ", note: "");

        Assert.Equal(new HashSet<string> { "Descriptor", "Indicators", "ChangeNote" }, Fields(outcome.Refusal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Indicators_are_required(string? lines)
    {
        Assert.Equal(new HashSet<string> { "Indicators" }, Fields(Revise(Document(), lines).Refusal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_change_note_is_required(string? note)
    {
        Assert.Equal(new HashSet<string> { "ChangeNote" }, Fields(Revise(Document(), "Attendance falling", note: note).Refusal));
    }

    [Fact]
    public void The_descriptor_and_each_indicator_have_a_length_limit()
    {
        var longDescriptor = new string('d', ThresholdDocument.MaxDescriptorLength + 1);
        var longIndicator = new string('i', ThresholdDocument.MaxIndicatorLength + 1);

        Assert.Equal(new HashSet<string> { "Descriptor" }, Fields(Revise(Document(), "Attendance falling", descriptor: longDescriptor).Refusal));
        Assert.Equal(new HashSet<string> { "Indicators" }, Fields(Revise(Document(), longIndicator + " [Neglect]").Refusal));
        Assert.True(Revise(Document(), new string('i', ThresholdDocument.MaxIndicatorLength) + " [Neglect]").Succeeded);
    }

    [Fact]
    public void An_undefined_level_is_refused()
    {
        Assert.Equal(new HashSet<string> { "Level" }, Fields(Revise(Document(), "Attendance falling", level: (ThresholdLevel)9).Refusal));
    }

    [Fact]
    public void A_theme_at_the_end_of_a_line_is_read_off_it()
    {
        var lines = "Poor hygiene noticed at school [Neglect]\r\n  Parent low in mood [parental mental health]  \nHousing worries";

        var level = Revise(Document(), lines).Value!.For(ThresholdLevel.EarlyHelp);

        Assert.Equal(
            [("Poor hygiene noticed at school", ConcernTheme.Neglect), ("Parent low in mood", ConcernTheme.ParentalMentalHealth), ("Housing worries", ConcernTheme.None)],
            level.Indicators.Select(i => (i.Text, i.Theme)));
    }

    [Theory]
    [InlineData("Child seen with older peers [Gangs]", "\"[Gangs]\"")]
    [InlineData("Child seen with older peers [4]", "\"[4]\"")]
    [InlineData("Child seen with older peers [Neglect, DomesticAbuse]", "\"[Neglect, DomesticAbuse]\"")]
    public void An_unknown_theme_is_refused_with_the_themes_to_choose_from(string line, string quoted)
    {
        var outcome = Revise(Document(), "Attendance falling [Education]\n" + line);

        var error = Assert.Single(outcome.Refusal!.Errors);
        Assert.Equal("Indicators", error.Field);
        Assert.Contains(quoted, error.Message, StringComparison.Ordinal);
        Assert.Contains("Neglect, DomesticAbuse, ParentalAlcoholMisuse", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("None", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicators_with_unchanged_text_keep_their_codes_and_new_ones_are_numbered_on()
    {
        var lines = $"{Text("EH05")} [ParentalMentalHealth]\nYoung carer for a disabled parent [UnmetHealthNeeds]\n{Text("EH02")} [UnmetHealthNeeds]\nFamily facing eviction [HomeConditions]";

        var level = Revise(Document(), lines).Value!.For(ThresholdLevel.EarlyHelp);

        Assert.Equal(["EH05", "EH07", "EH02", "EH08"], level.Indicators.Select(i => i.Code));
        Assert.Equal("Young carer for a disabled parent", level.Indicators[1].Text);
    }

    [Fact]
    public void An_unchanged_indicator_keeps_its_code_when_its_theme_changes()
    {
        var level = Revise(Document(), $"{Text("EH06")} [EmotionalAbuse]").Value!.For(ThresholdLevel.EarlyHelp);

        var indicator = Assert.Single(level.Indicators);
        Assert.Equal(("EH06", ConcernTheme.EmotionalAbuse), (indicator.Code, indicator.Theme));
    }

    [Fact]
    public void An_indicator_whose_text_changes_gets_a_new_code()
    {
        var level = Revise(Document(), Text("EH01") + " this term").Value!.For(ThresholdLevel.EarlyHelp);

        Assert.Equal("EH07", Assert.Single(level.Indicators).Code);
    }

    [Fact]
    public void A_repeated_indicator_is_kept_once()
    {
        var level = Revise(Document(), "Family facing eviction\nFamily facing eviction [HomeConditions]").Value!.For(ThresholdLevel.EarlyHelp);

        Assert.Equal(("EH07", "Family facing eviction"), (Assert.Single(level.Indicators).Code, level.Indicators[0].Text));
    }

    [Fact]
    public void A_revision_publishes_a_new_edition_and_leaves_the_old_one_and_the_other_levels_as_they_were()
    {
        var document = Document();

        var revised = Revise(document, "Attendance falling [Education]", descriptor: "  " + Descriptor + "  ", note: "  Simplified after audit ").Value!;

        Assert.Equal(2, revised.Edition);
        Assert.NotEqual(document.Id, revised.Id);
        Assert.Equal((Area, Now, (ProfessionalId?)Lead), (revised.AreaId, revised.PublishedAt, revised.PublishedBy));
        Assert.Equal("Simplified after audit", revised.ChangeNote);
        Assert.Equal(Descriptor, revised.For(ThresholdLevel.EarlyHelp).Descriptor);
        Assert.Equal([ThresholdLevel.Universal, ThresholdLevel.EarlyHelp, ThresholdLevel.Targeted, ThresholdLevel.Statutory], revised.Levels.Select(l => l.Level));
        foreach (var other in new[] { ThresholdLevel.Universal, ThresholdLevel.Targeted, ThresholdLevel.Statutory })
        {
            Assert.Same(document.For(other), revised.For(other));
        }

        Assert.Equal(1, document.Edition);
        Assert.Equal(6, document.For(ThresholdLevel.EarlyHelp).Indicators.Count);
        Assert.Equal("EH03", document.Indicator("EH03")!.Code);
        Assert.Null(revised.Indicator("EH03"));
    }

    [Fact]
    public void A_level_may_have_at_most_40_indicators()
    {
        static string Lines(int count) => string.Join('\n', Enumerable.Range(1, count).Select(n => $"Indicator number {n}"));

        Assert.Equal(new HashSet<string> { "Indicators" }, Fields(Revise(Document(), Lines(ThresholdDocument.MaxIndicatorsPerLevel + 1)).Refusal));
        var level = Revise(Document(), Lines(ThresholdDocument.MaxIndicatorsPerLevel)).Value!.For(ThresholdLevel.EarlyHelp);
        Assert.Equal(ThresholdDocument.MaxIndicatorsPerLevel, level.Indicators.Count);
        Assert.Equal("EH46", level.Indicators[^1].Code);
    }

    [Fact]
    public void Codes_for_another_level_use_that_level_s_prefix()
    {
        var revised = Revise(Document(), "Child living in a refuge [DomesticAbuse]", "Significant harm.", level: ThresholdLevel.Statutory).Value!;

        Assert.Equal("S09", Assert.Single(revised.For(ThresholdLevel.Statutory).Indicators).Code);
        Assert.Equal(6, revised.For(ThresholdLevel.EarlyHelp).Indicators.Count);
    }

    [Fact]
    public void A_code_dropped_in_one_edition_is_never_given_to_a_new_indicator_later()
    {
        var original = Document();
        var withoutLast = Revise(original, string.Join('\n', Enumerable.Range(1, 5).Select(n => Text($"EH{n:00}")))).Value!;
        Assert.DoesNotContain(withoutLast.For(ThresholdLevel.EarlyHelp).Indicators, i => i.Code == "EH06");

        var lines = string.Join('\n', withoutLast.For(ThresholdLevel.EarlyHelp).Indicators.Select(i => i.Text).Append("A new indicator added later"));
        var next = withoutLast.Revise(ThresholdLevel.EarlyHelp, Descriptor, lines, "Added one", withoutLast.Edition, Lead, Now,
            original.Levels.SelectMany(l => l.Indicators).Select(i => i.Code)).Value!;

        Assert.Equal("EH07", next.For(ThresholdLevel.EarlyHelp).Indicators.Single(i => i.Text == "A new indicator added later").Code);
    }
}
