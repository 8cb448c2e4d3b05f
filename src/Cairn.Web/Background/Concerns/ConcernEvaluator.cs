using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background.Concerns;

/// <summary>What an evaluation did.</summary>
public sealed record EvaluationResult(int Children, int Findings, int Raised, int Refreshed);

/// <summary>
/// Runs the concern rules (L04, L05, L09, L31, L50) for some children or a whole area, and follows each finding
/// through: a new prompt for the child's lead professional (or the area's front door team when there is none), new
/// evidence on an open prompt, or nothing when the answer given still stands. Prompts, their audit entries and the
/// notifications are saved together, per batch.
/// </summary>
public sealed class ConcernEvaluator(CairnDbContext db, ChildFactsLoader loader, ConcernReferenceData reference, WorkingCalendarSource calendars,
    AuditLog audit, TimeProvider clock, IConfiguration configuration, ILogger<ConcernEvaluator> log)
{
    public const int BatchSize = 2000;

    /// <summary>How many times a batch is read and reconciled again when its prompts changed meanwhile.</summary>
    private const int MaxAttempts = 3;

    /// <summary>
    /// Saves a handler's change, then re-evaluates the children it may affect, so the change is never a 500 with half
    /// of it done: a note that these people need evaluating (<see cref="PendingEvaluation"/>) is saved in the same
    /// transaction as the change, deleted once the evaluation has run, and left for <see cref="ConcernSweep"/> when
    /// it fails, which is logged (ids only) and does not fail the request. For a change that adds rows only; a change
    /// to a versioned row saves with <see cref="SaveAndEvaluateOrConflictAsync"/>.
    /// </summary>
    public async Task SaveAndEvaluateAsync(IEnumerable<PersonId> changed, CancellationToken cancellationToken)
    {
        var pending = Queue(changed);
        await db.SaveChangesAsync(cancellationToken);
        await EvaluateQueuedAsync(pending, cancellationToken);
    }

    /// <summary>
    /// <see cref="SaveAndEvaluateAsync"/> for a change to a versioned row (Data/Saving): when someone else saved the same
    /// row between our read and our write, nothing is kept (neither the change nor its queued evaluation, and the context
    /// tracks nothing), no evaluation runs, and <paramref name="conflict"/> is returned. Null when saved.
    /// </summary>
    public async Task<Refusal?> SaveAndEvaluateOrConflictAsync(IEnumerable<PersonId> changed, Refusal conflict, CancellationToken cancellationToken)
    {
        var pending = Queue(changed);
        if (await db.SaveOrConflictAsync(conflict, cancellationToken) is { } refused)
        {
            return refused;
        }

        await EvaluateQueuedAsync(pending, cancellationToken);
        return null;
    }

    /// <summary>Adds the note that these people need evaluating, to be saved with the change.</summary>
    private List<PendingEvaluation> Queue(IEnumerable<PersonId> changed)
    {
        var queuedAt = clock.GetUtcNow();
        var pending = changed.Distinct().Select(p => new PendingEvaluation { PersonId = p, QueuedAt = queuedAt }).ToList();
        db.PendingEvaluations.AddRange(pending);
        return pending;
    }

    /// <summary>Evaluates what a saved change queued and deletes the note; on failure the note stays for the sweep.</summary>
    private async Task EvaluateQueuedAsync(List<PendingEvaluation> pending, CancellationToken cancellationToken)
    {
        try
        {
            await AfterChangeAsync(pending.ConvertAll(p => p.PersonId), cancellationToken);
            var ids = pending.ConvertAll(p => p.Id);
            await db.PendingEvaluations.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            log.LogError(e, "Concern rules not evaluated after a change to people {People}; left pending for the sweep",
                string.Join(",", pending.Select(p => p.PersonId.Value)));
        }
    }

    /// <summary>
    /// After a record about these people changed: evaluates the children among them and the children living with the
    /// adults among them now. Nobody else's findings can have changed.
    /// </summary>
    public async Task<EvaluationResult> AfterChangeAsync(IEnumerable<PersonId> subjects, CancellationToken cancellationToken)
    {
        var people = subjects.Distinct().ToList();
        var today = clock.GetUtcNow().InLondon();
        var households = await loader.CurrentHouseholdsAsync(people, today, cancellationToken);
        var members = households.Values.SelectMany(m => m);
        return await EvaluateAsync(people.Concat(members).Distinct().ToList(), cancellationToken);
    }

    /// <summary>Evaluates the children among these people, each against their own area's settings; adults are skipped.</summary>
    public async Task<EvaluationResult> EvaluateAsync(IReadOnlyCollection<PersonId> people, CancellationToken cancellationToken)
    {
        var ids = people.Distinct().ToList();
        var children = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Kind == PersonKind.Child)
            .Select(p => new { p.AreaId, Child = new ChildToEvaluate(p.Id, p.DateOfBirth) }).ToListAsync(cancellationToken);
        var total = new EvaluationResult(0, 0, 0, 0);
        foreach (var area in children.GroupBy(a => a.AreaId, a => a.Child))
        {
            foreach (var batch in area.Chunk(BatchSize))
            {
                total = Add(total, await EvaluateBatchAsync(area.Key, batch, cancellationToken));
            }
        }

        return total;
    }

    /// <summary>
    /// Evaluates every child in the area. Who the children are is read once (an id and a date of birth each, a few MB
    /// for 100,000 children, instead of paging with OFFSET, which rereads every earlier page); their facts are loaded
    /// and their prompts saved a batch at a time, so the rest of memory stays flat however large the area.
    /// </summary>
    public async Task<EvaluationResult> EvaluateAreaAsync(AreaId area, CancellationToken cancellationToken)
    {
        var children = await db.People.AsNoTracking().Where(p => p.AreaId == area && p.Kind == PersonKind.Child)
            .Select(p => new ChildToEvaluate(p.Id, p.DateOfBirth)).ToListAsync(cancellationToken);
        var total = new EvaluationResult(0, 0, 0, 0);
        foreach (var batch in children.Chunk(BatchSize))
        {
            total = Add(total, await EvaluateBatchAsync(area, batch, cancellationToken));
        }

        log.LogInformation(
            "Concern rules evaluated for {Children} children in area {Area}: {Findings} findings, {Raised} prompts raised, {Refreshed} refreshed",
            total.Children, area.Value, total.Findings, total.Raised, total.Refreshed);
        return total;
    }

    private async Task<EvaluationResult> EvaluateBatchAsync(AreaId area, ChildToEvaluate[] children, CancellationToken cancellationToken)
    {
        // A prompt to refresh is attached as read, which fails if the caller's context already tracks it (a sweep that
        // read it in the same scope). Unsaved work is the caller's mistake and is refused; what is only read is let go.
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("Save or discard changes before evaluating concern rules in the same context.");
        }

        db.ChangeTracker.Clear();
        var settings = await reference.SettingsAsync(area, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            if (await ReconcileAsync(area, children, settings, cancellationToken) is { } result)
            {
                db.ChangeTracker.Clear();
                return result;
            }

            // Someone answered or the sweep escalated one of these prompts meanwhile: read again and redo the batch. After
            // the third try the failure surfaces, so a change's pending evaluation stays for the sweep.
            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException(
                    $"Concern prompts in area {area.Value} kept changing while {children.Length} children were evaluated ({MaxAttempts} attempts).");
            }
        }
    }

    /// <returns>What the batch did, or null when a prompt changed meanwhile (nothing of the batch is kept).</returns>
    private async Task<EvaluationResult?> ReconcileAsync(AreaId area, ChildToEvaluate[] children, ConcernRuleSettings settings,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var facts = await loader.LoadAsync(children, settings, now, cancellationToken);
        var findings = new List<RuleFinding>();
        foreach (var child in facts)
        {
            findings.AddRange(ConcernRules.Evaluate(child, settings, now));
        }

        if (findings.Count == 0)
        {
            return new EvaluationResult(facts.Count, 0, 0, 0);
        }

        var found = findings.Select(f => f.Child).Distinct().ToList();
        // The prompts are read untracked and without their evidence rows: most findings are already in hand and change
        // nothing, and a busy child's prompt holds hundreds of pieces of evidence. Only the ids of the deciding prompts'
        // evidence are read; a prompt that gains evidence is attached as read, so its version (as read) guards the save.
        var previous = (await db.ConcernPrompts.AsNoTracking().Where(p => EF.Parameter(found).Contains(p.Child)).ToListAsync(cancellationToken))
            .ToLookup(p => p.Child);
        var held = await HeldEvidenceAsync(findings.Select(f => ConcernPrompt.Deciding(f, previous[f.Child])), cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        Assignees? assignees = null;
        int raised = 0, refreshed = 0;
        foreach (var finding in findings)
        {
            var decision = ConcernPrompt.Reconcile(finding, previous[finding.Child], held, now, settings.Prompts);
            if (decision.Action == PromptAction.Refresh)
            {
                var open = decision.Prompt!;
                db.ConcernPrompts.Attach(open);
                if (open.Refresh(finding, held[open.Id], now))
                {
                    refreshed++;
                }

                continue;
            }

            if (decision.Action != PromptAction.Raise)
            {
                continue;
            }

            assignees ??= await AssigneesAsync(area, found, now.InLondon(), cancellationToken);
            ProfessionalId? lead = assignees.Leads.TryGetValue(finding.Child, out var leadOfChild) ? leadOfChild : null;
            var team = lead is null ? assignees.FrontDoorTeam : null;
            var outcome = ConcernPrompt.Raise(finding, lead, team, now, calendar, settings.Prompts);
            if (outcome.Value is not { } prompt)
            {
                log.LogWarning("Concern rule {Rule} fired for child {Child} but the area has no lead professional or front door team to prompt",
                    finding.Rule, finding.Child.Value);
                continue;
            }

            db.ConcernPrompts.Add(prompt);
            audit.Record("concern.raise", finding.Child, "concern-prompt", prompt.Id.Value, detail: finding.Rule.ToString());
            foreach (var to in lead is { } professional ? [professional] : assignees.FrontDoorManagers)
            {
                db.Notifications.Add(Notification.To(to, "concern.raised", $"Concerns that add up: {ConcernWords.Rule(finding.Rule)}",
                    $"/concerns/{prompt.Id.Value}", now));
            }

            raised++;
        }

        // Nothing raised or refreshed: nothing to write, and no change detection over every loaded prompt's evidence.
        if (raised + refreshed > 0 && !await db.TrySaveAsync(cancellationToken))
        {
            return null;
        }

        return new EvaluationResult(facts.Count, findings.Count, raised, refreshed);
    }

    /// <summary>The ids of the evidence each of these prompts holds, read without the rest of the evidence rows.</summary>
    private async Task<Dictionary<ConcernPromptId, HeldEvidence>> HeldEvidenceAsync(IEnumerable<ConcernPrompt?> prompts,
        CancellationToken cancellationToken)
    {
        var ids = prompts.OfType<ConcernPrompt>().Select(p => p.Id).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Set<ConcernPromptEvidence>().AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.PromptId))
            .Select(e => new { e.PromptId, e.EntryId, e.ContactId }).ToListAsync(cancellationToken);
        var byPrompt = rows.ToLookup(r => r.PromptId);
        return ids.ToDictionary(id => id, id => new HeldEvidence(
            byPrompt[id].Where(r => r.EntryId is not null).Select(r => r.EntryId!.Value),
            byPrompt[id].Where(r => r.ContactId is not null).Select(r => r.ContactId!.Value)));
    }

    private sealed record Assignees(
        Dictionary<PersonId, ProfessionalId> Leads, TeamId? FrontDoorTeam, IReadOnlyList<ProfessionalId> FrontDoorManagers);

    /// <summary>
    /// The lead professional of each child, and the area's front door team: the team named in configuration
    /// (Cairn:Concerns:FrontDoorTeam), otherwise the team whose manager works at the front door.
    /// </summary>
    private async Task<Assignees> AssigneesAsync(AreaId area, List<PersonId> children, DateOnly today, CancellationToken cancellationToken)
    {
        var leads = await db.Involvements.AsNoTracking()
            .Where(i => EF.Parameter(children).Contains(i.ChildId) && i.IsLeadProfessional && i.StartedOn <= today
                && (i.EndedOn == null || i.EndedOn >= today))
            .Select(i => new { i.ChildId, i.ProfessionalId }).ToListAsync(cancellationToken);
        var frontDoor = await FrontDoorTeam.OfAreaAsync(db, configuration, area, cancellationToken);
        var leadOf = leads.GroupBy(l => l.ChildId).ToDictionary(g => g.Key, g => g.First().ProfessionalId);
        return new Assignees(leadOf, frontDoor.Team, frontDoor.Managers);
    }

    private static EvaluationResult Add(EvaluationResult a, EvaluationResult b) =>
        new(a.Children + b.Children, a.Findings + b.Findings, a.Raised + b.Raised, a.Refreshed + b.Refreshed);
}

/// <summary>Words for the rules, as professionals read them.</summary>
public static class ConcernWords
{
    public static string Rule(ConcernRule rule) => rule switch
    {
        ConcernRule.CumulativeConcern => "concerns from several agencies add up to the step-up threshold",
        ConcernRule.UnderTwoInRiskHousehold => "a child under 2 in a household with recorded risks",
        ConcernRule.OffTheRadar => "a child with complex needs not seen by any professional",
        ConcernRule.RepeatedNoFurtherAction => "repeated contacts closed with no further action",
        ConcernRule.NoFaceToFaceHealthVisit => "a baby with no face-to-face health visit",
        _ => rule.ToString(),
    };

    public static string Response(PromptResponse response) => response switch
    {
        PromptResponse.StepUpToFrontDoor => "Step up: make a contact to the front door",
        PromptResponse.AlreadyInHand => "Already in hand: a plan addresses these concerns",
        PromptResponse.NoActionNeeded => "No action needed",
        _ => response.ToString(),
    };
}
