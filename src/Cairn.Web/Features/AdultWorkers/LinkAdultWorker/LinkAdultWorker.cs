using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.AdultWorkers.LinkAdultWorker;

public sealed record LinkAdultWorkerCommand
{
    /// <summary>An active professional of an agency in the adult's area (only the viewer's own agency unless children's social care).</summary>
    public ProfessionalId? ProfessionalId { get; init; }

    public AdultService? Service { get; init; }

    /// <summary>When the worker was allocated: today or earlier.</summary>
    public DateOnly? StartedOn { get; init; }
}

/// <summary>What the link form needs: who the adult is and who may be linked.</summary>
public sealed record LinkForm(PersonId AdultId, string Name, bool IsAdult, bool MayLink, IReadOnlyList<WorkerOption> Options);

/// <summary>
/// Links an adult's own allocated worker (L29), so that the worker is invited to and told of meetings about the adult's children
/// automatically. Not found when the viewer may not open the adult's record; 403 when the worker is of another agency and the
/// viewer does not work for children's social care; invalid for a child, a worker not in the list, a date in the future or one
/// already linked. Audited on the adult's record.
/// </summary>
public sealed class LinkAdultWorkerHandler(CairnDbContext db, AdultWorkerAccessHandler workers, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    public async Task<LinkForm?> FormAsync(PersonId adult, CancellationToken cancellationToken)
    {
        if (!await workers.OpenAsync(adult, cancellationToken))
        {
            return null;
        }

        await audit.RecordReadAsync("adult-worker.link-form", adult, null, cancellationToken);
        var person = await db.People.AsNoTracking().Where(p => p.Id == adult).Select(p => new { p.GivenName, p.FamilyName, p.Kind })
            .SingleAsync(cancellationToken);
        var socialCare = await workers.IsSocialCareAsync(cancellationToken);
        return new LinkForm(adult, $"{person.GivenName} {person.FamilyName}", person.Kind == PersonKind.Adult, workers.MayLinkAny,
            await workers.OptionsAsync(adult, socialCare, cancellationToken));
    }

    public async Task<Handled<AdultWorkerView>> HandleAsync(PersonId adult, LinkAdultWorkerCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await workers.OpenAsync(adult, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await LinkAsync(adult, command, cancellationToken)
            .AuditRefusalAsync(audit, "adult-worker.link", adult, AdultWorkerAccessHandler.RecordType, null, cancellationToken);
    }

    private async Task<Handled<AdultWorkerView>> LinkAsync(PersonId adult, LinkAdultWorkerCommand command, CancellationToken cancellationToken)
    {
        var socialCare = await workers.IsSocialCareAsync(cancellationToken);
        ProfessionalId? professional = null;
        AgencyId? agency = null;
        if (command.ProfessionalId is { } chosen)
        {
            // Anyone active in the adult's area, then whether the viewer may link them: another agency's worker is a 403, not a typo.
            var everyone = await workers.OptionsAsync(adult, socialCare: true, cancellationToken);
            if (everyone.FirstOrDefault(o => o.Id == chosen) is not { } option)
            {
                return Refusal.Of("ProfessionalId", "Select an active professional of an agency in the adult's area");
            }

            if (!workers.MayManage(option.AgencyId, socialCare))
            {
                return AdultWorkerAccessHandler.NotTheirs;
            }

            (professional, agency) = (option.Id, option.AgencyId);
        }
        else if (!workers.MayLinkAny)
        {
            return AdultWorkerAccessHandler.NotTheirs;
        }

        var now = clock.GetUtcNow();
        var today = clock.Today();
        var isAdult = await db.People.AnyAsync(p => p.Id == adult && p.Kind == PersonKind.Adult, cancellationToken);
        var linked = professional is { } p && await db.AdultWorkers.AnyAsync(
            w => w.AdultId == adult && w.ProfessionalId == p && (w.EndedOn == null || w.EndedOn >= today), cancellationToken);
        var outcome = AdultWorker.Link(adult, isAdult, professional, agency, command.Service, command.StartedOn, linked, user.ProfessionalId, now);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var worker = outcome.Value!;
        db.AdultWorkers.Add(worker);
        audit.Record("adult-worker.link", adult, AdultWorkerAccessHandler.RecordType, detail: worker.Service.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return (await workers.WorkersOfAsync(adult, socialCare, cancellationToken)).Single(w => w.Id == worker.Id);
    }
}

public sealed class LinkAdultWorkerEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/allocated-workers", HandleAsync)
            .WithName("LinkAdultWorker")
            .WithSummary("Links an adult's own allocated worker (L29): a professional of an agency in the adult's area, the service they are "
                         + "from and the date allocated (today or earlier). Children's social care links anyone; any other agency only its "
                         + "own workers (403 otherwise). The worker is then invited to meetings about the adult's children automatically.")
            .WithTags("Allocated workers");

    private static async Task<Results<Created<AdultWorkerView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        LinkAdultWorkerCommand command, LinkAdultWorkerHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(_ => $"/api/v1/people/{id}/allocated-workers");
}
