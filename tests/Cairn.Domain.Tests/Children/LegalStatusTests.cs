using Cairn.Domain.Children;

namespace Cairn.Domain.Tests.Children;

public class LegalStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PersonId Child = PersonId.New();
    private static readonly ProfessionalId Worker = ProfessionalId.New();

    private static Outcome<LegalStatus> Change(LegalStatus? current, LegalStatusKind kind, ChildProtectionCategory? category = null,
        DateOnly? from = null, string reason = "Strategy discussion 20 November") =>
        LegalStatus.Change(current, Child, kind, category, from ?? Today.AddDays(-10), reason, Worker, Now);

    [Fact]
    public void A_first_status_is_recorded_open_ended()
    {
        var status = Change(null, LegalStatusKind.ChildInNeed, reason: "  Assessment concluded  ").Value!;

        Assert.Equal(LegalStatusKind.ChildInNeed, status.Kind);
        Assert.Equal(Today.AddDays(-10), status.From);
        Assert.Null(status.To);
        Assert.Null(status.Category);
        Assert.Equal("Assessment concluded", status.Reason);
        Assert.Equal(Child, status.ChildId);
        Assert.Equal(Worker, status.RecordedBy);
        Assert.Equal(Now, status.RecordedAt);
    }

    [Fact]
    public void A_child_protection_plan_needs_a_category()
    {
        var outcome = Change(null, LegalStatusKind.ChildProtectionPlan);

        Assert.Equal(new FieldError("Category", "Select the category of the child protection plan"), Assert.Single(outcome.Refusal!.Errors));
    }

    [Theory]
    [InlineData(ChildProtectionCategory.Neglect)]
    [InlineData(ChildProtectionCategory.EmotionalAbuse)]
    [InlineData(ChildProtectionCategory.MultipleCategories)]
    public void A_child_protection_plan_with_a_category_is_accepted(ChildProtectionCategory category)
    {
        Assert.Equal(category, Change(null, LegalStatusKind.ChildProtectionPlan, category).Value!.Category);
    }

    [Theory]
    [InlineData(LegalStatusKind.ChildInNeed)]
    [InlineData(LegalStatusKind.Section47Enquiry)]
    [InlineData(LegalStatusKind.LookedAfterCareOrder)]
    public void A_category_on_anything_but_a_plan_is_refused(LegalStatusKind kind)
    {
        var outcome = Change(null, kind, ChildProtectionCategory.Neglect);

        Assert.Equal(new FieldError("Category", "A category applies only to a child protection plan"), Assert.Single(outcome.Refusal!.Errors));
    }

    [Fact]
    public void An_unknown_kind_is_refused()
    {
        Assert.Equal("Kind", Assert.Single(Change(null, (LegalStatusKind)40).Refusal!.Errors).Field);
    }

    [Fact]
    public void A_start_in_the_future_is_refused_and_today_is_accepted()
    {
        Assert.Equal(new FieldError("From", "The date must be today or in the past"),
            Assert.Single(Change(null, LegalStatusKind.EarlyHelp, from: Today.AddDays(1)).Refusal!.Errors));
        Assert.True(Change(null, LegalStatusKind.EarlyHelp, from: Today).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_start_not_after_the_current_status_started_is_refused(int daysAfterCurrent)
    {
        var current = Change(null, LegalStatusKind.ChildInNeed, from: new DateOnly(2026, 6, 1)).Value!;

        var outcome = Change(current, LegalStatusKind.Section47Enquiry, from: new DateOnly(2026, 6, 1).AddDays(daysAfterCurrent));

        var error = Assert.Single(outcome.Refusal!.Errors);
        Assert.Equal("From", error.Field);
        Assert.StartsWith("The date must be after the current status started", error.Message, StringComparison.Ordinal);
        Assert.Null(current.To);
    }

    [Fact]
    public void A_new_status_closes_the_current_one_the_day_before()
    {
        var current = Change(null, LegalStatusKind.ChildInNeed, from: new DateOnly(2026, 6, 1)).Value!;

        var next = Change(current, LegalStatusKind.ChildProtectionPlan, ChildProtectionCategory.Neglect, from: new DateOnly(2026, 11, 1)).Value!;

        Assert.Equal(new DateOnly(2026, 10, 31), current.To);
        Assert.Equal(new DateOnly(2026, 11, 1), next.From);
        Assert.Null(next.To);
    }

    [Fact]
    public void A_refused_change_leaves_the_current_status_open()
    {
        var current = Change(null, LegalStatusKind.ChildInNeed, from: new DateOnly(2026, 6, 1)).Value!;

        Assert.False(Change(current, LegalStatusKind.ChildProtectionPlan, from: new DateOnly(2026, 11, 1)).Succeeded);

        Assert.Null(current.To);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_reason_is_required(string reason)
    {
        Assert.Equal(new FieldError("Reason", "Enter the reason or the decision this status follows"),
            Assert.Single(Change(null, LegalStatusKind.EarlyHelp, reason: reason).Refusal!.Errors));
    }
}
