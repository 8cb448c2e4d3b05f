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
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public PromptDetails Prompt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new ConcernPromptId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var prompt = new ConcernPromptId(id);
        var outcome = await handler.AnswerAsync(prompt, new AnswerPromptCommand { Response = Input.Response, Reason = Input.Reason, Version = Input.Version },
            cancellationToken);
        if (outcome is not { } result)
        {
            return NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            ModelState.Clear();
            if (ConcernPromptsHandler.IsNotYours(refusal))
            {
                return Forbid();
            }

            if (refusal.IsConflict())
            {
                ModelState.AddModelError(string.Empty, ConcernPrompt.StaleMessage);
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
            else
            {
                ModelState.AddRefusal(refusal);
            }

            return await LoadAsync(prompt, cancellationToken) ? Page() : NotFound();
        }

        TempData["Notice"] = result.Value!.ContactId is not null ? "Answered: a contact has been made to the front door" : "Answered";
        return Redirect($"/concerns/{id}");
    }

    private async Task<bool> LoadAsync(ConcernPromptId id, CancellationToken cancellationToken)
    {
        if (await handler.ViewAsync(id, cancellationToken) is not { } prompt)
        {
            return false;
        }

        Prompt = prompt;
        Input.Version ??= prompt.Version;
        return true;
    }

    public sealed class AnswerInput
    {
        public PromptResponse? Response { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }
}
