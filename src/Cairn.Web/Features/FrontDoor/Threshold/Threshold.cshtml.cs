using Cairn.Domain.FrontDoor;
using Cairn.Web.Features.FrontDoor.ReviseThresholdLevel;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.FrontDoor.Threshold;

[Authorize(Policy = Policies.Professional)]
public sealed class ThresholdModel(ThresholdHandler handler, ReviseThresholdLevelHandler revise) : PageModel
{
    [BindProperty]
    public LevelInput Input { get; set; } = new();

    public ThresholdView Document { get; private set; } = null!;

    /// <summary>The level being edited, if any.</summary>
    public ThresholdLevel? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(ThresholdLevel? edit, CancellationToken cancellationToken)
    {
        Document = await handler.ViewAsync(cancellationToken);
        if (edit is { } level && Enum.IsDefined(level))
        {
            if (!Document.MayEdit)
            {
                return Forbid();
            }

            var guide = Document.Levels.Single(l => l.Level == level);
            Editing = level;
            Input = new LevelInput
            {
                Level = level,
                Descriptor = guide.Descriptor,
                Indicators = string.Join('\n', guide.Indicators.Select(i => i.Theme == 0 ? i.Text : $"{i.Text} [{i.Theme}]")),
                Edition = Document.Edition,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!handler.MayEdit)
        {
            return Forbid();
        }

        var handled = await revise.ReviseAsync(Input.Level ?? 0, new ReviseLevelCommand
        {
            Descriptor = Input.Descriptor,
            Indicators = Input.Indicators,
            ChangeNote = Input.ChangeNote,
            Edition = Input.Edition,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled,
            published => new PageDone($"Edition {published.Edition} of the threshold document published", "/front-door/threshold"),
            async () =>
            {
                // The form again as it was typed, over the document as it now is.
                Document = await handler.ViewAsync(cancellationToken);
                Editing = Input.Level;
                return true;
            });
    }

    public sealed class LevelInput
    {
        public ThresholdLevel? Level { get; set; }
        public string? Descriptor { get; set; }
        public string? Indicators { get; set; }
        public string? ChangeNote { get; set; }
        public int? Edition { get; set; }
    }
}
