using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;

namespace Cairn.Domain.Tests.FrontDoor;

public class ContactDraftTests
{
    private static readonly DateTimeOffset Now = At(2026, 11, 23, 10, 0);

    private static readonly Referrer Teacher = new("Ms A Teacher", "Hillside Primary", "Class teacher", "01632 960123", null, false);

    private static ContactDraft Draft(ContactSource? source = ContactSource.School, Referrer? referrer = null, string? concerns = "Child arrived with a bruise on the cheek and said dad was angry.",
        ConcernTheme themes = ConcernTheme.PhysicalAbuse, DateTimeOffset? receivedAt = null) =>
        new(source, referrer ?? Teacher, concerns, themes, receivedAt);

    // ---- The contact itself ----

    [Fact]
    public void A_complete_contact_from_a_professional_is_accepted()
    {
        Assert.Null(Draft().Validate(Now));
    }

    [Fact]
    public void A_contact_with_nothing_filled_in_is_refused_naming_source_referrer_and_concerns()
    {
        var refusal = new ContactDraft(null, null, null, ConcernTheme.None, null).Validate(Now);

        // No referrer means anonymous, which only the public, the family or the child may be.
        Assert.Equal(new HashSet<string> { "Source", "Anonymous", "Concerns" }, Fields(refusal));
    }

    [Fact]
    public void An_undefined_source_is_refused()
    {
        Assert.Contains("Source", Fields(Draft(source: (ContactSource)42).Validate(Now)));
    }

    [Theory]
    [InlineData(ContactSource.Public)]
    [InlineData(ContactSource.FamilyMember)]
    [InlineData(ContactSource.ChildOrYoungPerson)]
    public void The_public_the_family_and_the_child_may_stay_anonymous(ContactSource source)
    {
        Assert.Null(Draft(source, Referrer.AnonymousCaller).Validate(Now));
    }

    [Theory]
    [InlineData(ContactSource.Police)]
    [InlineData(ContactSource.School)]
    [InlineData(ContactSource.Health)]
    [InlineData(ContactSource.OtherLocalAuthority)]
    [InlineData(ContactSource.OtherProfessional)]
    [InlineData(ContactSource.EarlyHelpClosure)]
    [InlineData(ContactSource.ConcernPrompt)]
    public void A_professional_may_not_stay_anonymous(ContactSource source)
    {
        var refusal = Draft(source, Referrer.AnonymousCaller).Validate(Now);

        Assert.Equal(new HashSet<string> { "Anonymous" }, Fields(refusal));
    }

    [Fact]
    public void A_missing_referrer_counts_as_anonymous()
    {
        var draft = new ContactDraft(ContactSource.Health, null, "Baby not brought to three appointments.", ConcernTheme.UnmetHealthNeeds, null);

        Assert.Equal(new HashSet<string> { "Anonymous" }, Fields(draft.Validate(Now)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_named_referrer_needs_a_name(string? name)
    {
        var refusal = Draft(ContactSource.FamilyMember, new Referrer(name, null, "Aunt", "07700 900123", null, false)).Validate(Now);

        Assert.Equal(new HashSet<string> { "ReferrerName" }, Fields(refusal));
    }

    [Theory]
    [InlineData(ContactSource.Police)]
    [InlineData(ContactSource.School)]
    [InlineData(ContactSource.Health)]
    [InlineData(ContactSource.OtherLocalAuthority)]
    [InlineData(ContactSource.OtherProfessional)]
    public void A_professional_referrer_needs_a_phone_or_email_to_call_back(ContactSource source)
    {
        var refusal = Draft(source, new Referrer("PC Sam Example", "Westshire Police", null, " ", null, false)).Validate(Now);

        Assert.Equal(new HashSet<string> { "ReferrerPhone" }, Fields(refusal));
    }

    [Theory]
    [InlineData("01632 960123", null)]
    [InlineData(null, "sam.example@police.example")]
    public void A_phone_or_an_email_is_enough(string? phone, string? email)
    {
        Assert.Null(Draft(ContactSource.Police, new Referrer("PC Sam Example", "Westshire Police", null, phone, email, false)).Validate(Now));
    }

    [Theory]
    [InlineData(ContactSource.Public)]
    [InlineData(ContactSource.FamilyMember)]
    [InlineData(ContactSource.ChildOrYoungPerson)]
    public void A_named_member_of_the_public_or_family_need_not_leave_a_number(ContactSource source)
    {
        Assert.Null(Draft(source, new Referrer("Pat Neighbour", null, "Neighbour", null, null, false)).Validate(Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Concerns_are_required(string? concerns)
    {
        Assert.Equal(new HashSet<string> { "Concerns" }, Fields(Draft(concerns: concerns).Validate(Now)));
    }

    [Fact]
    public void Concerns_may_be_up_to_the_limit_and_no_longer()
    {
        Assert.Null(Draft(concerns: new string('x', ContactDraft.MaxConcernsLength)).Validate(Now));
        Assert.Equal(new HashSet<string> { "Concerns" }, Fields(Draft(concerns: new string('x', ContactDraft.MaxConcernsLength + 1)).Validate(Now)));
    }

    [Fact]
    public void Every_known_theme_may_be_chosen_together()
    {
        Assert.Null(Draft(themes: ChronologyContent.AllConcerns).Validate(Now));
    }

    [Theory]
    [InlineData(16384)]
    [InlineData(1 | 16384)]
    [InlineData(-1)]
    public void A_theme_outside_the_list_is_refused(int themes)
    {
        Assert.Equal(new HashSet<string> { "Themes" }, Fields(Draft(themes: (ConcernTheme)themes).Validate(Now)));
    }

    [Fact]
    public void A_contact_received_in_the_future_is_refused_allowing_five_minutes_of_clock_drift()
    {
        Assert.Null(Draft(receivedAt: Now.AddMinutes(5)).Validate(Now));
        Assert.Null(Draft(receivedAt: Now.AddDays(-3)).Validate(Now));
        Assert.Equal(new HashSet<string> { "ReceivedAt" }, Fields(Draft(receivedAt: Now.AddMinutes(6)).Validate(Now)));
    }

    // ---- The police incident ----

    private static PoliceIncident Incident(IncidentType type = IncidentType.DomesticAbuse, DashRisk? risk = DashRisk.Medium, string reference = "WS-20261122-0417",
        DateTimeOffset? occurredAt = null) =>
        new(type, occurredAt ?? Now.AddHours(-12), risk, reference);

    [Fact]
    public void A_complete_incident_is_accepted()
    {
        Assert.Null(Incident().Validate(Now));
    }

    [Fact]
    public void A_domestic_abuse_incident_needs_a_DASH_risk_level()
    {
        Assert.Equal(new HashSet<string> { "Risk" }, Fields(Incident(IncidentType.DomesticAbuse, risk: null).Validate(Now)));
    }

    [Theory]
    [InlineData(IncidentType.ViolenceInTheHome)]
    [InlineData(IncidentType.DrugsOrAlcohol)]
    [InlineData(IncidentType.MissingChild)]
    [InlineData(IncidentType.ChildExploitation)]
    [InlineData(IncidentType.Neglect)]
    [InlineData(IncidentType.Other)]
    public void Other_incidents_need_no_DASH_risk_level(IncidentType type)
    {
        Assert.Null(Incident(type, risk: null).Validate(Now));
    }

    [Fact]
    public void An_undefined_risk_or_type_is_refused()
    {
        Assert.Equal(new HashSet<string> { "Risk" }, Fields(Incident(risk: (DashRisk)9).Validate(Now)));
        Assert.Equal(new HashSet<string> { "IncidentType" }, Fields(Incident((IncidentType)50, risk: null).Validate(Now)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void The_incident_reference_is_required(string reference)
    {
        Assert.Equal(new HashSet<string> { "Reference" }, Fields(Incident(reference: reference).Validate(Now)));
    }

    [Fact]
    public void The_incident_reference_is_at_most_40_characters_after_trimming()
    {
        Assert.Null(Incident(reference: "  " + new string('R', 40) + "  ").Validate(Now));
        Assert.Equal(new HashSet<string> { "Reference" }, Fields(Incident(reference: new string('R', 41)).Validate(Now)));
    }

    [Fact]
    public void The_incident_time_is_required_and_not_in_the_future()
    {
        Assert.Equal(new HashSet<string> { "OccurredAt" }, Fields(Incident(occurredAt: default(DateTimeOffset)).Validate(Now)));
        Assert.Equal(new HashSet<string> { "OccurredAt" }, Fields(Incident(occurredAt: Now.AddMinutes(6)).Validate(Now)));
        Assert.Null(Incident(occurredAt: Now.AddMinutes(5)).Validate(Now));
    }

    [Theory]
    [InlineData(IncidentType.DomesticAbuse, DashRisk.High, Significance.Critical)]
    [InlineData(IncidentType.DomesticAbuse, DashRisk.Medium, Significance.Significant)]
    [InlineData(IncidentType.DomesticAbuse, DashRisk.Standard, Significance.Significant)]
    [InlineData(IncidentType.DomesticAbuse, null, Significance.Significant)]
    [InlineData(IncidentType.ViolenceInTheHome, DashRisk.High, Significance.Critical)]
    [InlineData(IncidentType.MissingChild, DashRisk.Medium, Significance.Significant)]
    [InlineData(IncidentType.MissingChild, DashRisk.Standard, Significance.Routine)]
    [InlineData(IncidentType.Neglect, null, Significance.Routine)]
    [InlineData(IncidentType.Other, null, Significance.Routine)]
    public void An_incident_is_as_significant_as_its_risk_and_domestic_abuse_is_never_routine(IncidentType type, DashRisk? risk, Significance expected)
    {
        Assert.Equal(expected, Incident(type, risk).Significance);
    }

    [Theory]
    [InlineData(IncidentType.DomesticAbuse, ConcernTheme.DomesticAbuse)]
    [InlineData(IncidentType.ViolenceInTheHome, ConcernTheme.PhysicalAbuse)]
    [InlineData(IncidentType.DrugsOrAlcohol, ConcernTheme.ParentalSubstanceMisuse | ConcernTheme.ParentalAlcoholMisuse)]
    [InlineData(IncidentType.MissingChild, ConcernTheme.Missing)]
    [InlineData(IncidentType.ChildExploitation, ConcernTheme.Exploitation)]
    [InlineData(IncidentType.Neglect, ConcernTheme.Neglect)]
    [InlineData(IncidentType.Other, ConcernTheme.None)]
    public void An_incident_shows_the_concern_themes_of_its_type(IncidentType type, ConcernTheme expected)
    {
        Assert.Equal(expected, Incident(type).Themes);
    }

    [Fact]
    public void Only_a_domestic_abuse_incident_is_domestic_abuse()
    {
        Assert.True(Incident(IncidentType.DomesticAbuse).IsDomesticAbuse);
        Assert.False(Incident(IncidentType.ViolenceInTheHome).IsDomesticAbuse);
    }
}
