using Cairn.Domain.Alerts;

namespace Cairn.Domain.Tests.Alerts;

public class AlertTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PersonId Child = PersonId.New();
    private static readonly ProfessionalId Owner = ProfessionalId.New();
    private static readonly ProfessionalId Reviewer = ProfessionalId.New();

    private const string ClearDescription =
        "Mother's former partner was released on 20 November and has been seen near the school gate. Do not release the child to him; call the police on 999.";

    private static AlertDraft ADraft() => new(AlertCategory.RiskFromAPerson, " Physical harm ", "The child and her mother",
        "Mother's former partner", "Police MARAC referral 14 November", Today.AddDays(-1), Today.AddMonths(3), ClearDescription);

    private static Alert Raised() => Alert.Raise(Child, ADraft(), Owner, Now).Value!;

    [Fact]
    public void A_complete_draft_is_valid()
    {
        Assert.Null(ADraft().Validate(Today));
    }

    public static TheoryData<AlertDraft, string, string> Missing => new()
    {
        { ADraft() with { Category = null }, "Category", "Select the category of the alert" },
        { ADraft() with { Category = (AlertCategory)50 }, "Category", "Select the category of the alert" },
        { ADraft() with { Risk = " " }, "Risk", "Enter what the risk is" },
        { ADraft() with { AtRisk = null }, "AtRisk", "Enter who is at risk" },
        { ADraft() with { FromWhom = "" }, "FromWhom", "Enter who or what the risk is from" },
        { ADraft() with { Source = null }, "Source", "Enter the source of the information, for example a police incident or a disclosure" },
        { ADraft() with { RaisedOn = null }, "RaisedOn", "Enter the date the alert was raised" },
        { ADraft() with { ReviewBy = null }, "ReviewBy", "Enter the date the alert must be reviewed by" },
        { ADraft() with { Description = "  " }, "Description", "Enter a description of the risk and what professionals should do" },
    };

    [Theory]
    [MemberData(nameof(Missing))]
    public void Each_missing_field_is_named_in_its_own_error(AlertDraft draft, string field, string message)
    {
        var refusal = draft.Validate(Today);

        Assert.Equal(new FieldError(field, message), Assert.Single(refusal!.Errors));
    }

    [Fact]
    public void An_empty_draft_names_every_field()
    {
        var refusal = new AlertDraft(null, null, null, null, null, null, null, null).Validate(Today);

        Assert.Equal(["Category", "Risk", "AtRisk", "FromWhom", "Source", "RaisedOn", "ReviewBy", "Description"],
            refusal!.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("Risk from dad.")]
    // Long enough in characters but only 4 words.
    [InlineData("Supercalifragilistic-expialidocious-dangerous-ex-partner-circumstances-unknown-at-this-time please call someone")]
    // 12 words but fewer than 80 characters.
    [InlineData("Dad may come to the school. Do not let him take her home.")]
    public void A_vague_description_is_refused(string description)
    {
        var refusal = (ADraft() with { Description = description }).Validate(Today);

        var error = Assert.Single(refusal!.Errors);
        Assert.Equal("Description", error.Field);
        Assert.StartsWith("The description is too short to act on.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_of_twelve_words_and_eighty_characters_is_enough()
    {
        const string description = "Grandfather must never collect; telephone safeguarding immediately whenever he arrives unannounced there";
        Assert.True(description.Length >= AlertDraft.MinDescriptionLength);
        Assert.Equal(AlertDraft.MinDescriptionWords, description.Split(' ').Length);

        Assert.Null((ADraft() with { Description = description }).Validate(Today));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_review_date_not_after_the_date_raised_is_refused(int daysAfterRaised)
    {
        var draft = ADraft() with { RaisedOn = Today, ReviewBy = Today.AddDays(daysAfterRaised) };

        Assert.Equal(
            new FieldError("ReviewBy", "The review date must be after the date raised and within 12 months of it"),
            Assert.Single(draft.Validate(Today)!.Errors));
    }

    [Fact]
    public void A_review_date_more_than_twelve_months_after_raising_is_refused()
    {
        Assert.Null((ADraft() with { RaisedOn = Today, ReviewBy = Today.AddMonths(12) }).Validate(Today));

        var refusal = (ADraft() with { RaisedOn = Today, ReviewBy = Today.AddMonths(12).AddDays(1) }).Validate(Today);

        Assert.Equal("ReviewBy", Assert.Single(refusal!.Errors).Field);
    }

    [Fact]
    public void A_review_date_in_the_past_is_refused()
    {
        var draft = ADraft() with { RaisedOn = Today.AddMonths(-2), ReviewBy = Today.AddDays(-1) };

        Assert.Equal(new FieldError("ReviewBy", "The review date must be today or in the future"), Assert.Single(draft.Validate(Today)!.Errors));
    }

    [Fact]
    public void A_review_date_today_is_accepted_for_an_alert_raised_earlier()
    {
        Assert.Null((ADraft() with { RaisedOn = Today.AddMonths(-2), ReviewBy = Today }).Validate(Today));
    }

    [Fact]
    public void Raised_in_the_future_is_refused()
    {
        var draft = ADraft() with { RaisedOn = Today.AddDays(1), ReviewBy = Today.AddMonths(1) };

        Assert.Equal(new FieldError("RaisedOn", "The date raised must be today or in the past"), Assert.Single(draft.Validate(Today)!.Errors));
    }

    [Fact]
    public void Raise_refuses_an_invalid_draft()
    {
        var outcome = Alert.Raise(Child, ADraft() with { Risk = null }, Owner, Now);

        Assert.False(outcome.Succeeded);
        Assert.Equal("Risk", Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void Raise_creates_an_active_alert_with_a_raised_event()
    {
        var alert = Raised();

        Assert.Equal(Child, alert.ChildId);
        Assert.Equal(AlertCategory.RiskFromAPerson, alert.Category);
        Assert.Equal("Physical harm", alert.Risk);
        Assert.Equal(ClearDescription, alert.Description);
        Assert.Equal(Owner, alert.OwnerId);
        Assert.Equal(AlertStatus.Active, alert.Status);
        Assert.Equal(1, alert.Version);
        Assert.Equal(new AlertEvent(alert.Id, AlertEventKind.Raised, Now, Owner, null, Today.AddMonths(3)), Assert.Single(alert.History));
    }

    [Fact]
    public void A_review_moves_the_review_date_and_is_kept_in_the_history()
    {
        var alert = Raised();
        var later = Now.AddMonths(2);

        Assert.Null(alert.Review(Today.AddMonths(6), " Partner still in the area ", 1, Reviewer, later));

        Assert.Equal(Today.AddMonths(6), alert.ReviewBy);
        Assert.Equal(2, alert.Version);
        Assert.Equal(new AlertEvent(alert.Id, AlertEventKind.Reviewed, later, Reviewer, "Partner still in the area", Today.AddMonths(6)), alert.History[^1]);
        Assert.Equal(2, alert.History.Count);
    }

    [Fact]
    public void A_review_from_a_stale_page_is_refused()
    {
        var alert = Raised();

        var refusal = alert.Review(Today.AddMonths(6), "Still stands", 0, Reviewer, Now);

        Assert.Equal("Version", Assert.Single(refusal!.Errors).Field);
        Assert.Equal(Today.AddMonths(3), alert.ReviewBy);
        Assert.Single(alert.History);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_next_review_date_not_in_the_future_is_refused(int days)
    {
        var alert = Raised();

        var refusal = alert.Review(Today.AddDays(days), "Still stands", 1, Reviewer, Now);

        Assert.Equal("NextReviewBy", Assert.Single(refusal!.Errors).Field);
        Assert.Equal(1, alert.Version);
    }

    [Fact]
    public void A_next_review_date_more_than_twelve_months_ahead_is_refused()
    {
        var alert = Raised();

        Assert.Equal("NextReviewBy", Assert.Single(alert.Review(Today.AddMonths(12).AddDays(1), "Still stands", 1, Reviewer, Now)!.Errors).Field);
        Assert.Null(alert.Review(Today.AddMonths(12), "Still stands", 1, Reviewer, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_review_needs_a_note(string note)
    {
        var alert = Raised();

        Assert.Equal(new FieldError("Note", "Enter why the alert still stands"), Assert.Single(alert.Review(Today.AddMonths(1), note, 1, Reviewer, Now)!.Errors));
        Assert.Equal(1, alert.Version);
    }

    [Fact]
    public void Closing_records_why_and_stops_further_changes()
    {
        var alert = Raised();

        Assert.Null(alert.Close(" Partner in custody ", 1, Reviewer, Now));

        Assert.Equal(AlertStatus.Closed, alert.Status);
        Assert.Equal(2, alert.Version);
        Assert.Equal(new AlertEvent(alert.Id, AlertEventKind.Closed, Now, Reviewer, "Partner in custody", null), alert.History[^1]);
        Assert.Equal(new FieldError("Version", "This alert has already been closed"), Assert.Single(alert.Close("Again", 2, Reviewer, Now)!.Errors));
        Assert.Equal(new FieldError("Version", "This alert has already been closed"), Assert.Single(alert.Review(Today.AddMonths(1), "Again", 2, Reviewer, Now)!.Errors));
        Assert.Equal(2, alert.History.Count);
    }

    [Fact]
    public void Closing_needs_a_reason_and_the_current_version()
    {
        var alert = Raised();

        Assert.Equal("Reason", Assert.Single(alert.Close(" ", 1, Reviewer, Now)!.Errors).Field);
        Assert.Equal("Version", Assert.Single(alert.Close("Partner in custody", 7, Reviewer, Now)!.Errors).Field);
        Assert.Equal(AlertStatus.Active, alert.Status);
        Assert.Single(alert.History);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(30, true)]
    public void A_review_is_overdue_only_after_the_review_date(int daysAfterReviewDate, bool overdue)
    {
        var alert = Raised();

        Assert.Equal(overdue, alert.IsReviewOverdue(alert.ReviewBy.AddDays(daysAfterReviewDate)));
    }

    [Fact]
    public void A_closed_alert_is_never_overdue()
    {
        var alert = Raised();
        alert.Close("Partner in custody", 1, Reviewer, Now);

        Assert.False(alert.IsReviewOverdue(alert.ReviewBy.AddYears(1)));
    }
}
