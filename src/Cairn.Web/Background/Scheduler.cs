using Cairn.Web.Background.Concerns;

namespace Cairn.Web.Background;

/// <summary>
/// The one scheduler of work that happens later. Every minute (configurable: <c>Cairn:Escalation:IntervalSeconds</c>) on
/// every node it runs the share sweep; the database lease makes one node do the work, and that node then runs every other
/// sweep in turn. Each sweep reads what is due from the database, so a restart or a failed tick loses nothing.
/// </summary>
public sealed class Scheduler(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<Scheduler> log)
    : BackgroundService
{
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Cairn:Escalation:IntervalSeconds", 60));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                var result = await services.GetRequiredService<ShareSweep>().RunAsync(clock.GetUtcNow(), _holder, cancellationToken: stoppingToken);
                if (result.HeldLease)
                {
                    // Overdue professional disagreements climb their own ladder (L16); each is version-checked, so this is safe anywhere.
                    await services.GetRequiredService<DisagreementSweep>().RunAsync(clock.GetUtcNow(), stoppingToken);
                    // Late triage decisions at the front door climb the same ladder (issue #4).
                    var frontDoor = services.GetRequiredService<FrontDoorSweep>();
                    await frontDoor.RunAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    // So do strategy discussions not held in time (L17).
                    await frontDoor.EscalateStrategyDiscussionsAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    // Late child and family assessments (T02, L25) and overdue plan actions (L23) climb the same ladder.
                    var casework = services.GetRequiredService<CaseworkSweep>();
                    await casework.EscalateAssessmentsAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    await casework.EscalatePlanActionsAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    await casework.EscalateCarePlansAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    // Statutory meetings (issue #14, L16): whatever a trigger requires and nobody scheduled is scheduled; then
                    // meetings not held, and minutes not sent, by their due dates climb the same ladder.
                    var meetings = services.GetRequiredService<MeetingSweep>();
                    await meetings.ScheduleMissingAsync(clock.GetUtcNow(), stoppingToken);
                    await meetings.EscalateAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    // Return home interviews not offered within 72 hours of a return from missing climb the same ladder (T18, L43).
                    await services.GetRequiredService<MissingSweep>().EscalateAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    // Breaches of a placement's commissioned conditions with no risk assessment in time climb it too (L38).
                    await services.GetRequiredService<ConditionSweep>().EscalateAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    // Statutory visits to looked-after children not made by their due date climb it too (T12-T14).
                    var visits = services.GetRequiredService<VisitSweep>();
                    await visits.EscalateAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    // So do placement plans not agreed within five working days of the start (T16).
                    await visits.EscalatePlansAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    // Unanswered concern prompts climb the ladder; every area is re-evaluated in full every few hours (L04, L09, L31).
                    var concerns = services.GetRequiredService<ConcernSweep>();
                    await concerns.EscalateAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    // Changes whose own evaluation failed (issue #4): never lost, evaluated here.
                    await concerns.EvaluatePendingAsync(clock.GetUtcNow(), stoppingToken);
                    await concerns.EvaluateAllWhenDueAsync(clock.GetUtcNow(), _holder, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep is retried at the next tick: the due times are still in the database.
                log.LogError(e, "Escalation sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
