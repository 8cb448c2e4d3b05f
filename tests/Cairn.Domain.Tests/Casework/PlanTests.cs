using Cairn.Domain.Casework;
using Cairn.Domain.Children;

namespace Cairn.Domain.Tests.Casework;

/// <summary>
/// Plans (L22, L23, L24, L54): every action has an owner and a due date, a plan cannot be agreed without an outcome with an
/// action and the child's and family's views, and a version carried over from another (a revision, a plan made from an older
/// plan or a sibling's) cannot be agreed until each section has been confirmed or changed.
/// </summary>
public sealed class PlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly PersonId Child = PersonId.New();
    private static readonly ProfessionalId Worker = ProfessionalId.New();
    private static readonly ProfessionalId Teacher = ProfessionalId.New();
    private static readonly ProfessionalId Manager = ProfessionalId.New();
    private static readonly AgencyId SocialCare = AgencyId.New();
    private static readonly AgencyId School = AgencyId.New();

    private static AgencyId? AgencyOf(ProfessionalId p) => p == Worker || p == Manager ? SocialCare : p == Teacher ? School : null;

    private static PlannedActionDraft Action(string what = "Walk to school with Sam each morning", ProfessionalId? owner = null,
        DateOnly? due = null) => new() { What = what, Owner = owner ?? Teacher, DueOn = due ?? Today.AddDays(14) };

    private static PlanSectionDraft Outcome(params PlannedActionDraft[] actions) => new()
    {
        Kind = PlanSectionKind.Outcome,
        Title = "Sam goes to school every day",
        Text = "Attendance is 62%; the aim is 95% by the summer term.",
        Actions = actions.Length == 0 ? [Action()] : actions,
    };

    private static readonly PlanSectionDraft ChildsView = new() { Kind = PlanSectionKind.ChildsView, Text = "I like school when my friends are there." };
    private static readonly PlanSectionDraft FamilysView = new() { Kind = PlanSectionKind.FamilysView, Text = "Mum wants help with mornings." };

    private static Plan Started(params PlanSectionDraft[] sections)
    {
        var outcome = Plan.Start(Child, PlanType.ChildInNeed, null, Worker, sections.Length == 0 ? [Outcome(), ChildsView, FamilysView] : sections,
            AgencyOf, Worker, Now.AddDays(-7));
        Assert.Null(outcome.Refusal);
        return outcome.Value!;
    }

    private static Plan Agreed()
    {
        var plan = Started();
        Assert.Null(plan.Agree(Today.AddDays(-1), "Child in need meeting", Worker, plan.Version, Now));
        return plan;
    }

    [Fact]
    public void An_action_with_no_owner_or_no_due_date_is_refused_on_that_actions_fields_L23()
    {
        var outcome = Plan.Start(Child, PlanType.ChildInNeed, null, Worker,
            [Outcome(Action(), new PlannedActionDraft { What = "Refer to the school nurse", DueOn = Today.AddDays(7) },
                new PlannedActionDraft { What = "Check the GP has the new address", Owner = Worker })], AgencyOf, Worker, Now);

        var fields = outcome.Refusal!.Errors.Select(e => e.Field).ToList();
        Assert.Equal(["Actions[1].Owner", "Actions[2].DueOn"], fields);
        Assert.Contains("Every action has a named owner", outcome.Refusal.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_owned_by_someone_who_is_not_an_active_professional_is_refused()
    {
        var outcome = Plan.Start(Child, PlanType.ChildInNeed, null, Worker, [Outcome(Action(owner: ProfessionalId.New()))], AgencyOf, Worker, Now);

        Assert.Equal("Actions[0].Owner", Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void An_actions_owner_keeps_their_agency()
    {
        var plan = Started();

        var action = Assert.Single(plan.Draft!.Actions);
        Assert.Equal((Teacher, School), (action.Owner, action.OwnerAgency));
    }

    [Fact]
    public void A_child_protection_plan_needs_its_category_and_no_other_plan_has_one()
    {
        Assert.Equal("Category", Assert.Single(Plan.Start(Child, PlanType.ChildProtection, null, Worker, [], AgencyOf, Worker, Now).Refusal!.Errors).Field);
        Assert.Equal("Category", Assert.Single(Plan.Start(Child, PlanType.Care, ChildProtectionCategory.Neglect, Worker, [], AgencyOf, Worker, Now)
            .Refusal!.Errors).Field);
        Assert.Equal(ChildProtectionCategory.Neglect,
            Plan.Start(Child, PlanType.ChildProtection, ChildProtectionCategory.Neglect, Worker, [], AgencyOf, Worker, Now).Value!.Category);
    }

    [Fact]
    public void A_plan_is_not_agreed_without_an_outcome_with_an_action_or_without_the_childs_and_familys_views_L22_L54()
    {
        var plan = Started(new PlanSectionDraft { Kind = PlanSectionKind.Outcome, Title = "Sam is safe at home" });

        var refusal = plan.Agree(Today, "Core group", Worker, plan.Version, Now);

        var messages = refusal!.Errors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("Add at least one outcome", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Add the child's view", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Add the family's view", StringComparison.Ordinal));
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Fact]
    public void Agreeing_needs_the_date_and_where_and_records_them()
    {
        var plan = Started();

        Assert.Equal(["AgreedOn", "AgreedAt"], plan.Agree(null, " ", Worker, plan.Version, Now)!.Errors.Select(e => e.Field));
        Assert.Null(plan.Agree(Today, "Child in need meeting", Worker, plan.Version, Now));

        Assert.Equal(PlanStatus.Agreed, plan.Status);
        Assert.Equal(Today, plan.StartedOn);
        Assert.Equal((1, Today, "Child in need meeting"), (plan.Current!.Number, plan.Current.AgreedOn, plan.Current.AgreedAt));
        Assert.Null(plan.Draft);
    }

    [Fact]
    public void An_agreed_version_never_changes_L24()
    {
        var plan = Agreed();
        var section = plan.Current!.Sections[0];

        var changed = plan.SaveSection(Outcome() with { Key = section.Key, Title = "Changed" }, AgencyOf, Worker, plan.Version, Now);
        var removed = plan.RemoveSection(section.Key, plan.Version);

        Assert.Contains("cannot change", changed.Refusal!.Errors[0].Message, StringComparison.Ordinal);
        Assert.NotNull(removed);
        Assert.Equal("Sam goes to school every day", plan.Current!.Sections[0].Title);
    }

    [Fact]
    public void A_stale_version_is_a_conflict()
    {
        var plan = Started();

        Assert.True(plan.Agree(Today, "Meeting", Worker, plan.Version - 1, Now)!.IsConflict);
        Assert.True(plan.SaveSection(ChildsView, AgencyOf, Worker, 0, Now).Refusal!.IsConflict);
    }

    [Fact]
    public void A_revision_carries_every_section_not_reviewed_and_cannot_be_agreed_until_each_is_confirmed_L24()
    {
        var plan = Agreed();

        Assert.Null(plan.Revise(_ => PlanActionStatus.InProgress, Worker, plan.Version, Now));

        var draft = plan.Draft!;
        Assert.Equal(2, draft.Number);
        Assert.All(draft.Sections, s => Assert.Equal((SectionReview.NotReviewed, "version 1"), (s.Review, s.CarriedFrom)));
        Assert.Equal(PlanActionStatus.InProgress, Assert.Single(draft.Actions).Status);
        Assert.Equal(plan.Current!.Sections.Select(s => s.Key), draft.Sections.Select(s => s.Key));

        var refusal = plan.Agree(Today, "Review meeting", Worker, plan.Version, Now);
        Assert.Equal(3, refusal!.Errors.Count(e => e.Field.StartsWith("Section-", StringComparison.Ordinal)));
        Assert.Equal(1, plan.Current!.Number);

        foreach (var section in draft.Sections.Take(2))
        {
            Assert.Null(plan.ConfirmSection(section.Key, Manager, plan.Version, Now.AddHours(1)));
        }

        Assert.Equal(1, plan.Agree(Today, "Review meeting", Worker, plan.Version, Now)!.Errors.Count(e => e.Field.StartsWith("Section-", StringComparison.Ordinal)));
        var last = draft.Sections[2];
        Assert.Null(plan.SaveSection(FamilysView with { Key = last.Key, Text = "Mum says mornings are better now." }, AgencyOf, Worker, plan.Version, Now).Refusal);
        Assert.Null(plan.Agree(Today, "Review meeting", Worker, plan.Version, Now.AddHours(2)));

        Assert.Equal(2, plan.Current!.Number);
        Assert.Equal(PlanVersionStatus.Superseded, plan.Versions.Single(v => v.Number == 1).Status);
    }

    [Fact]
    public void Confirming_a_section_records_who_and_when_and_a_section_already_reviewed_needs_no_confirming()
    {
        var plan = Agreed();
        plan.Revise(_ => null, Worker, plan.Version, Now);
        var key = plan.Draft!.Sections[0].Key;

        Assert.Null(plan.ConfirmSection(key, Manager, plan.Version, Now.AddHours(3)));

        var section = plan.Draft!.Sections[0];
        Assert.Equal((SectionReview.ConfirmedUnchanged, Manager, Now.AddHours(3)), (section.Review, section.ReviewedBy!.Value, section.ReviewedAt!.Value));
        Assert.Contains("does not need confirming", plan.ConfirmSection(key, Manager, plan.Version, Now)!.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_carried_section_counts_as_reviewed_and_saving_it_unchanged_does_not()
    {
        var plan = Agreed();
        plan.Revise(_ => null, Worker, plan.Version, Now);
        var view = plan.Draft!.Sections.Single(s => s.Kind == PlanSectionKind.ChildsView);

        Assert.Null(plan.SaveSection(ChildsView with { Key = view.Key }, AgencyOf, Worker, plan.Version, Now).Refusal);
        Assert.Equal(SectionReview.NotReviewed, plan.Draft!.Sections.Single(s => s.Key == view.Key).Review);

        Assert.Null(plan.SaveSection(ChildsView with { Key = view.Key, Text = "I want to walk with my friend." }, AgencyOf, Worker, plan.Version, Now)
            .Refusal);
        Assert.Equal(SectionReview.Changed, plan.Draft!.Sections.Single(s => s.Key == view.Key).Review);
    }

    [Fact]
    public void A_plan_made_from_a_siblings_plan_carries_every_section_not_reviewed_with_fresh_actions_L24()
    {
        var sibling = Agreed();

        var made = Plan.MakeFrom(PersonId.New(), PlanType.ChildInNeed, null, Worker, sibling, sourceIsAnotherChild: true, Worker, Now).Value!;

        var draft = made.Draft!;
        Assert.Equal(sibling.Id, made.MadeFromPlanId);
        Assert.StartsWith("another child's child in need plan", draft.MadeFrom, StringComparison.Ordinal);
        Assert.All(draft.Sections, s => Assert.Equal(SectionReview.NotReviewed, s.Review));
        Assert.Empty(draft.Sections.Select(s => s.Key).Intersect(sibling.Current!.Sections.Select(s => s.Key)));
        var action = Assert.Single(draft.Actions);
        Assert.Equal((Teacher, PlanActionStatus.NotStarted), (action.Owner, action.Status));
        Assert.NotEqual(sibling.Current!.Actions.Single().Key, action.Key);
        Assert.NotNull(made.Agree(Today, "Meeting", Worker, made.Version, Now));
    }

    [Fact]
    public void Compare_shows_sections_added_changed_removed_and_unchanged_with_before_and_after()
    {
        var plan = Agreed();
        plan.Revise(_ => null, Worker, plan.Version, Now);
        var draft = plan.Draft!;
        var outcome = draft.Sections.Single(s => s.Kind == PlanSectionKind.Outcome);
        var childsView = draft.Sections.Single(s => s.Kind == PlanSectionKind.ChildsView);
        var familysView = draft.Sections.Single(s => s.Kind == PlanSectionKind.FamilysView);
        plan.SaveSection(Outcome() with { Key = outcome.Key, Text = "Attendance is now 80%." }, AgencyOf, Worker, plan.Version, Now);
        plan.RemoveSection(childsView.Key, plan.Version);
        plan.SaveSection(new PlanSectionDraft { Kind = PlanSectionKind.Contingency, Text = "A strategy discussion if attendance falls." },
            AgencyOf, Worker, plan.Version, Now);

        var differences = Plan.Compare(plan.Versions.Single(v => v.Number == 1), plan.Draft!);

        Assert.Equal(SectionChange.Changed, differences.Single(d => d.Key == outcome.Key).Change);
        Assert.Equal("Attendance is 62%; the aim is 95% by the summer term.", differences.Single(d => d.Key == outcome.Key).Before!.Text);
        Assert.Equal("Attendance is now 80%.", differences.Single(d => d.Key == outcome.Key).After!.Text);
        Assert.Equal(SectionChange.Unchanged, differences.Single(d => d.Key == familysView.Key).Change);
        Assert.Equal(SectionChange.Removed, differences.Single(d => d.Key == childsView.Key).Change);
        Assert.Null(differences.Single(d => d.Key == childsView.Key).After);
        Assert.Equal(SectionChange.Added, differences.Single(d => d.Kind == PlanSectionKind.Contingency).Change);
        Assert.All(Plan.Compare(null, plan.Versions.Single(v => v.Number == 1)), d => Assert.Equal(SectionChange.Added, d.Change));
    }

    [Fact]
    public void A_plan_cannot_be_revised_before_it_is_agreed_or_twice_at_once()
    {
        var plan = Started();
        Assert.NotNull(plan.Revise(_ => null, Worker, plan.Version, Now));

        plan.Agree(Today, "Meeting", Worker, plan.Version, Now);
        Assert.Null(plan.Revise(_ => null, Worker, plan.Version, Now));
        Assert.Contains("already being drafted", plan.Revise(_ => null, Worker, plan.Version, Now)!.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ending_needs_a_date_and_reason_and_drops_a_draft()
    {
        var plan = Agreed();
        plan.Revise(_ => null, Worker, plan.Version, Now);

        Assert.Equal(["EndedOn", "EndReason"], plan.End(null, "", plan.Version, Now)!.Errors.Select(e => e.Field));
        Assert.Null(plan.End(Today, "The review conference ended the plan", plan.Version, Now));

        Assert.Equal(PlanStatus.Ended, plan.Status);
        Assert.Null(plan.Draft);
        Assert.NotNull(plan.Revise(_ => null, Worker, plan.Version, Now));
    }
}
