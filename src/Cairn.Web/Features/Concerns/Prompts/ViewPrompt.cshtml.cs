using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Web.Features.Concerns.AnswerPrompt;
using Cairn.Web.Features.Concerns.ReassignPrompt;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Concerns.Prompts;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewPromptModel(ConcernPromptsHandler handler, AnswerPromptHandler answer, ReassignPromptHandler reassign) : PageModel
{
    /// <summary>The value the reassign form sends for the front door team rather than a professional's id.</summary>
    public const string FrontDoorTeam = "front-door-team";

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    [BindProperty]
    public ReassignInput Reassign { get; set; } = new();

    public PromptDetails Prompt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new ConcernPromptId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var prompt = new ConcernPromptId(id);
        var command = new AnswerPromptCommand { Response = Input.Response, Reason = Input.Reason, Version = Input.Version };
        var handled = await answer.AnswerAsync(prompt, command, cancellationToken);
        return await AfterAsync(prompt, handled,
            answered => new PageDone(answered.ContactId is not null ? "Answered: a contact has been made to the front door" : "Answered",
                $"/concerns/{id}"),
            "Input", cancellationToken);
    }

    public async Task<IActionResult> OnPostReassignAsync(Guid id, CancellationToken cancellationToken)
    {
        var prompt = new ConcernPromptId(id);
        var toTeam = Reassign.AssignTo == FrontDoorTeam;
        var command = new ReassignPromptCommand
        {
            ToProfessional = !toTeam && Guid.TryParse(Reassign.AssignTo, out var professional) ? professional : null,
            ToFrontDoorTeam = toTeam,
            Reason = Reassign.Reason,
            Version = Reassign.Version,
        };
        var handled = await reassign.ReassignAsync(prompt, command, cancellationToken);
        // Back to the list: whoever passed it on may no longer be someone who sees it.
        return await AfterAsync(prompt, handled, _ => new PageDone("Prompt passed on. Whoever it is for now has been told.", "/concerns"),
            "Reassign", cancellationToken);
    }

    /// <summary>
    /// Done, a notice and a redirect; a step that is not the caller's, 403 (they may see the prompt, not act on it); otherwise
    /// not found, or the form again with a conflict (409) or a GOV.UK error summary: nothing was changed.
    /// </summary>
    private async Task<IActionResult> AfterAsync<T>(ConcernPromptId prompt, Handled<T> handled, Func<T, PageDone> done, string prefix,
        CancellationToken cancellationToken) =>
        handled.Refusal?.Kind == RefusalKind.NotAllowed
            ? Forbid()
            : await this.AfterChangeAsync(handled, done, () => LoadAsync(prompt, cancellationToken), prefix);

    private async Task<bool> LoadAsync(ConcernPromptId id, CancellationToken cancellationToken)
    {
        if (await handler.ViewAsync(id, cancellationToken) is not { } prompt)
        {
            return false;
        }

        Prompt = prompt;
        Input.Version ??= prompt.Version;
        Reassign.Version ??= prompt.Version;
        return true;
    }

    public sealed class ReassignInput
    {
        /// <summary>A professional's id, or <see cref="FrontDoorTeam"/>.</summary>
        public string? AssignTo { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }

    public sealed class AnswerInput
    {
        public PromptResponse? Response { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }
}
