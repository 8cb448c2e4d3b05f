using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Plans.SaveSection;

/// <summary>A section of the draft as written, with its actions, and the plan's version the person saw.</summary>
public sealed record SaveSectionCommand
{
    public PlanSectionKind? Kind { get; init; }
    public string? Title { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<PlannedActionDraft> Actions { get; init; } = [];
    public int? Version { get; init; }
}

/// <summary>
/// Adds a section to the plan being drafted, or changes one (L22, L23, L24): an outcome's title and text and its actions, each
/// with what, an owner (an active professional, whose agency is recorded) and a due date, or the child's or family's view. A
/// carried section that is changed counts as reviewed. An agreed version never changes: the plan is revised instead.
/// </summary>
public sealed class SaveSectionHandler(PlanAccessHandler plans, CurrentUser user)
{
    public Task<Handled<ChangedPlan>> HandleAsync(PlanId id, Guid? key, SaveSectionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return plans.ChangeAsync(id, "plan.section.save", async (plan, now) =>
        {
            var agencyOf = await plans.AgencyOfAsync(command.Actions.Select(a => a.Owner), cancellationToken);
            var draft = new PlanSectionDraft
            {
                Key = key,
                Kind = command.Kind,
                Title = command.Title,
                Text = command.Text,
                Actions = command.Actions,
            };
            return plan.SaveSection(draft, agencyOf, user.ProfessionalId, command.Version ?? 0, now).Refusal;
        }, cancellationToken);
    }
}
