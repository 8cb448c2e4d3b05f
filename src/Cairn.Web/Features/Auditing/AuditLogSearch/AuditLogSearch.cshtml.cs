using System.ComponentModel.DataAnnotations;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Auditing.AuditLogSearch;

[Authorize(Policy = Policies.AuditReader)]
public sealed class AuditLogSearchModel(AuditLogSearchHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RefusedOnly { get; set; }

    [Display(Name = "From date")]
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [Display(Name = "To date")]
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public AuditResults? Results { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Professionals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Professionals = await handler.ProfessionalsAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var found = await handler.HandleAsync(new AuditQuery(Person, Actor, Action, RefusedOnly, From, To, Before), cancellationToken);
        if (found.Refusal is { } refusal)
        {
            this.ShowRefusal(refusal, prefix: "");
        }
        else
        {
            Results = found.Value;
        }

        return Page();
    }

    public string NextLink(long next)
    {
        var query = Request.Query
            .Where(q => q.Key != "before")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"before={next}");
        return "/audit?" + string.Join("&", query);
    }
}
