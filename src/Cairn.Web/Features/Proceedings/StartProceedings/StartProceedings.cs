using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Meetings;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CourtProceedings = Cairn.Domain.Casework.Proceedings;

namespace Cairn.Web.Features.Proceedings.StartProceedings;

public sealed record StartProceedingsCommand
{
    public ProceedingsKind? Kind { get; init; }

    /// <summary>When they started (the letter before proceedings, or the application to the court): in the last two years, not the future.</summary>
    public DateOnly? StartedOn { get; init; }
}

/// <summary>
/// Starts pre-proceedings or care proceedings for a child (L30): children's social care only. In the same unit of work it
/// schedules the family group decision-making meeting that must be offered to the family (due by the area's local timescale
/// from the start, owned by whoever started them; <see cref="MeetingSchedulingHandler"/> also invites each parent's own
/// allocated worker, L29), and from then on the child's record prompts for each parent's advocate until one is recorded, or a
/// reason why not. One open set of proceedings of each kind: a second start, or one that loses a race, is refused.
/// </summary>
public sealed class StartProceedingsHandler(CairnDbContext db, ProceedingsAccessHandler proceedings, MeetingSchedulingHandler scheduling,
    CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<Handled<ProceedingsView>> HandleAsync(PersonId child, StartProceedingsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await proceedings.OpenAsync(child, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await StartAsync(child, command, cancellationToken)
            .AuditRefusalAsync(audit, "proceedings.start", child, ProceedingsAccessHandler.RecordType, null, cancellationToken);
    }

    private async Task<Handled<ProceedingsView>> StartAsync(PersonId child, StartProceedingsCommand command, CancellationToken cancellationToken)
    {
        if (!await proceedings.MayChangeAsync(cancellationToken))
        {
            return ProceedingsAccessHandler.NotTheirs;
        }

        var now = clock.GetUtcNow();
        var open = command.Kind is { } kind
                   && await db.Proceedings.AnyAsync(p => p.ChildId == child && p.Kind == kind && p.EndedOn == null, cancellationToken);
        var outcome = CourtProceedings.Start(child, command.Kind, command.StartedOn, open, user.ProfessionalId, now);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var started = outcome.Value!;
        db.Proceedings.Add(started);
        audit.Record("proceedings.start", child, ProceedingsAccessHandler.RecordType, started.Id.Value, detail: started.Kind.ToString());
        await scheduling.ScheduleAsync(child, new MeetingTriggerFacts(MeetingKind.FamilyGroupDecisionMaking, 1, MeetingTrigger.ProceedingsStarted,
            started.Id.Value, started.StartedOn, now), user.ProfessionalId, user.ProfessionalId, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The meeting's "one per trigger" index: the same start saved twice at once. Nothing of this start is kept.
            db.ChangeTracker.Clear();
            return Refusal.Conflict("these proceedings");
        }

        return (await proceedings.ProceedingsOfAsync(child, cancellationToken)).Single(p => p.Id == started.Id);
    }
}

public sealed class StartProceedingsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/proceedings", HandleAsync)
            .WithName("StartProceedings")
            .WithSummary("Starts pre-proceedings or care proceedings for a child (L30): children's social care only (403 otherwise). "
                         + "Schedules the family group decision-making meeting (due by the area's local timescale, 10 working days by "
                         + "default) and prompts for each parent's advocate. One open set of each kind (400 for a second).")
            .WithTags("Proceedings");

    private static async Task<Results<Created<ProceedingsView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        StartProceedingsCommand command, StartProceedingsHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(_ => $"/api/v1/people/{id}/proceedings");
}
