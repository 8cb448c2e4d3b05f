using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.FrontDoor;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Concerns.AnswerPrompt;

public sealed record AnswerPromptCommand
{
    [Required]
    public PromptResponse? Response { get; init; }

    [StringLength(ConcernPrompt.MaxReasonLength)]
    public string? Reason { get; init; }

    [Required]
    public int? Version { get; init; }
}

public sealed record AnsweredPrompt(ConcernPromptId Id, ConcernPromptStatus Status, PromptResponse? Response, int Version, ContactId? ContactId);

/// <summary>
/// The professional or team the prompt is for answers it, or the manager of that professional's team (or of that team)
/// in their place (the history says so). Stepping up makes a contact to the front door, from the answering
/// professional, with the prompt's summary as the concerns; the prompt links to it.
/// </summary>
public sealed class AnswerPromptHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, PromptAccessHandler prompts,
    ContactIntake intake)
{
    /// <returns>Not found when the prompt does not exist or the caller may not see it.</returns>
    public async Task<Handled<AnsweredPrompt>> AnswerAsync(ConcernPromptId id, AnswerPromptCommand command, CancellationToken cancellationToken)
    {
        var prompt = await db.ConcernPrompts.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (prompt is null || await prompts.StandingAsync(prompt, cancellationToken) is not { } standing)
        {
            return Handled.NotFound;
        }

        return await AnswerPromptAsync(prompt, standing, command, cancellationToken).AuditRefusalAsync(audit, "concern.answer", prompt.Child,
            "concern-prompt", id.Value, cancellationToken);
    }

    private async Task<Handled<AnsweredPrompt>> AnswerPromptAsync(ConcernPrompt prompt, PromptStanding standing, AnswerPromptCommand command,
        CancellationToken cancellationToken)
    {
        // Refused for who they are before what they typed: someone who may not answer learns nothing from validation.
        if (prompt.IsOpen && command.Version == prompt.Version && !standing.IsFor && !standing.Manages)
        {
            return ConcernPrompt.MayNotAnswer;
        }

        var now = clock.GetUtcNow();
        if (prompt.Answer(user.ProfessionalId, standing.Team, command.Response, command.Reason, command.Version ?? -1, now,
                standing.Manages) is { } refusal)
        {
            return refusal;
        }

        audit.Record("concern.answer", prompt.Child, "concern-prompt", prompt.Id.Value,
            detail: standing.IsFor ? command.Response.ToString() : $"{command.Response} as-manager");
        ContactId? contact = null;
        if (command.Response == PromptResponse.StepUpToFrontDoor)
        {
            var me = await db.Professionals.Where(p => p.Id == user.ProfessionalId)
                .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Name, p.JobTitle, p.Phone, p.Email, Agency = a.Name })
                .SingleAsync(cancellationToken);
            var draft = new ContactDraft(ContactSource.ConcernPrompt, new Referrer(me.Name, me.Agency, me.JobTitle, me.Phone, me.Email, false),
                $"Concerns that add up ({PromptAccessHandler.ConcernWords(prompt.Rule)}): {prompt.Summary}. {prompt.Reason}",
                ConcernTheme.None, null);
            var received = await intake.ReceiveAsync(draft, [prompt.Child], [], null, cancellationToken);
            if (received.Refusal is { } notReceived)
            {
                return notReceived;
            }

            contact = received.Value!.Contacts[0].Id;
            db.Entry(prompt).Property(ConcernPromptConfiguration.SteppedUpContact).CurrentValue = contact;
        }

        if (await db.SaveOrConflictAsync(ConcernPrompt.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new AnsweredPrompt(prompt.Id, prompt.Status, prompt.Response, prompt.Version, contact);
    }
}
