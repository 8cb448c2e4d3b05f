using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Family.RecordRelationship;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordRelationshipModel(RecordRelationshipHandler handler, ChildBannerHandler banner) : PageModel
{
    /// <summary>The name searched for; a GET form, and carried through the post so the same people are offered again.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty]
    public RecordRelationshipInput Input { get; set; } = new();

    public RelationshipCandidates Candidates { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public IEnumerable<(string Value, string Text)> CandidateItems =>
        Candidates.People.Select(c => (c.Id.Value.ToString(), $"{c.Name} ({Describe(c)}) – {c.Why}"));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new PersonId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var personId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(personId, Input.ToCommand(), cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Relationship added", $"/people/{id}/family#relationships"),
            () => LoadAsync(personId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (await handler.CandidatesAsync(id, Search, cancellationToken) is not { } candidates)
        {
            return false;
        }

        Candidates = candidates;
        foreach (var error in candidates.SearchRefusal?.Errors ?? [])
        {
            ModelState.AddModelError(nameof(Search), error.Message);
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }

    private static string Describe(RelationshipCandidate c) =>
        (c.Kind == PersonKind.Child ? "child" : "adult") + (c.DateOfBirth is { } dob ? $", born {Display.Date(dob)}" : "");

    public sealed class RecordRelationshipInput
    {
        public Guid? OtherPersonId { get; set; }
        public RelationshipType? Type { get; set; }
        [Display(Name = "Date the relationship started")]
        public DateOnly? StartedOn { get; set; }
        [Display(Name = "Date the relationship ended")]
        public DateOnly? EndedOn { get; set; }
        public string? Notes { get; set; }

        public RecordRelationshipCommand ToCommand() => new()
        {
            OtherPersonId = OtherPersonId,
            Type = Type,
            StartedOn = StartedOn,
            EndedOn = EndedOn,
            Notes = Notes,
        };
    }
}
