using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Concerns.Prompts;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewPromptModel(ConcernPromptsHandler handler) : PageModel
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
        var outcome = await handler.AnswerAsync(prompt, new AnswerPromptCommand { Response = Input.Response, Reason = Input.Reason, Version = Input.Version },
            cancellationToken);
        if (outcome is { Refusal: null, Value: { } answered })
        {
            TempData["Notice"] = answered.ContactId is not null ? "Answered: a contact has been made to the front door" : "Answered";
            return Redirect($"/concerns/{id}");
        }

        return await RefusedAsync(prompt, outcome?.Refusal, outcome is null, "Input", cancellationToken);
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
        var outcome = await handler.ReassignAsync(prompt, command, cancellationToken);
        if (outcome is { Refusal: null })
        {
            // Back to the list: whoever passed it on may no longer be someone who sees it.
            TempData["Notice"] = "Prompt passed on. Whoever it is for now has been told.";
            return Redirect("/concerns");
        }

        return await RefusedAsync(prompt, outcome?.Refusal, outcome is null, "Reassign", cancellationToken);
    }

    /// <summary>Not found, forbidden, a conflict (409) or the form again with a GOV.UK error summary: nothing was changed.</summary>
    private async Task<IActionResult> RefusedAsync(ConcernPromptId prompt, Refusal? refusal, bool notFound, string prefix, CancellationToken cancellationToken)
    {
        if (notFound || refusal is null)
        {
            return NotFound();
        }

        if (ConcernPromptsHandler.IsNotYours(refusal))
        {
            return Forbid();
        }

        this.ShowRefusal(refusal, prefix);

        return await LoadAsync(prompt, cancellationToken) ? Page() : NotFound();
    }

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
