using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Admin.Calendar;

[Authorize(Policy = Policies.Administrator)]
public sealed class CalendarModel(CalendarHandler handler) : PageModel
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    public CalendarView Calendar { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Calendar = await handler.HandleAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await handler.AddAsync(new AddBankHolidayCommand { Date = Input.Date, Name = Input.Name }, cancellationToken);
            if (outcome.Refusal is { } refusal)
            {
                ModelState.AddRefusal(refusal);
            }
            else
            {
                TempData["Notice"] = $"{outcome.Value!.Name} added. Every working-day clock now counts it.";
                return Redirect("/admin/calendar");
            }
        }

        Calendar = await handler.HandleAsync(cancellationToken);
        return Page();
    }

    public sealed class AddInput
    {
        public DateOnly? Date { get; set; }
        public string? Name { get; set; }
    }
}
