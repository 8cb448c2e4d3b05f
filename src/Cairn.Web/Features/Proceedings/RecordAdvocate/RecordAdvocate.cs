using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Proceedings.RecordAdvocate;

public sealed record RecordAdvocateCommand
{
    /// <summary>A parent (or step-parent) of the child.</summary>
    public PersonId? FamilyMemberId { get; init; }

    /// <summary>The advocate and their organisation; or, instead, <see cref="NoAdvocateReason"/>.</summary>
    [StringLength(FamilyAdvocate.MaxLength)]
    public string? Advocate { get; init; }

    /// <summary>Why the parent has no advocate (declined one, has a solicitor instead…).</summary>
    [StringLength(FamilyAdvocate.MaxLength)]
    public string? NoAdvocateReason { get; init; }

    /// <summary>The version of the proceedings read.</summary>
    public int? Version { get; init; }
}

/// <summary>What the advocate page needs: the proceedings and the parent.</summary>
public sealed record AdvocateForm(ProceedingsView Proceedings, ParentAdvocateView Parent, bool MayRecord);

/// <summary>
/// Records a parent's advocate in proceedings, or why they have none (L30); a later entry replaces the earlier. The prompt on the
/// child's record goes once every parent has one or the other. Children's social care only; a stale version is a conflict.
/// The advocate's name and the reason are kept on the record, never in the audit log.
/// </summary>
public sealed class RecordAdvocateHandler(ProceedingsAccessHandler proceedings, CurrentUser user, AuditLog audit)
{
    /// <summary>
    /// The form's facts; null (404) when the proceedings do not exist, the viewer may not open the record or the person is no parent.
    /// </summary>
    public async Task<AdvocateForm?> FormAsync(ProceedingsId id, PersonId parent, CancellationToken cancellationToken)
    {
        if (await proceedings.ChildOfAsync(id, cancellationToken) is not { } child || !await proceedings.OpenAsync(child, cancellationToken))
        {
            return null;
        }

        await audit.RecordReadAsync("proceedings.view", child, null, cancellationToken);
        var view = (await proceedings.ProceedingsOfAsync(child, cancellationToken)).Single(p => p.Id == id);
        return view.Advocates.FirstOrDefault(a => a.ParentId == parent) is { } p
            ? new AdvocateForm(view, p, view.IsOpen && await proceedings.MayChangeAsync(cancellationToken))
            : null;
    }

    public async Task<Handled<ProceedingsView>> HandleAsync(ProceedingsId id, RecordAdvocateCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await proceedings.ChangeAsync(id, "proceedings.advocate", async (p, now) =>
        {
            if (command.Version is not { } version)
            {
                return Refusal.Of(Refusal.VersionField, "Send the version you read");
            }

            if (!p.IsOpen)
            {
                return Refusal.Of("Advocate", "These proceedings have ended");
            }

            var parents = await proceedings.ParentsAsync(p.ChildId, cancellationToken);
            var member = command.FamilyMemberId ?? default;
            return p.RecordAdvocate(member, parents.Any(x => x.Id == member), command.Advocate, command.NoAdvocateReason, user.ProfessionalId,
                version, now);
        }, cancellationToken);
    }
}

public sealed class RecordAdvocateEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/proceedings/{id:guid}/advocates", HandleAsync)
            .WithName("RecordAdvocate")
            .WithSummary("Records a parent's advocate in proceedings, or why they have none, but not both (L30); a later entry replaces the "
                         + "earlier. Children's social care only (403 otherwise). Send the version you read; a stale version is 409.")
            .WithTags("Proceedings");

    private static async Task<Results<Ok<ProceedingsView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        RecordAdvocateCommand command, RecordAdvocateHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new ProceedingsId(id), command, cancellationToken)).ToApiResult();
}
