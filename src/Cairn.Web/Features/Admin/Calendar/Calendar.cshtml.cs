using System.ComponentModel.DataAnnotations;
using Cairn.Web.Features.Admin.AddBankHoliday;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Admin.Calendar;

[Authorize(Policy = Policies.Administrator)]
public sealed class CalendarModel(CalendarHandler handler, AddBankHolidayHandler addBankHoliday) : PageModel
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    public CalendarView Calendar { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Calendar = await handler.HandleAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var handled = await addBankHoliday.HandleAsync(new AddBankHolidayCommand { Date = Input.Date, Name = Input.Name }, cancellationToken);
        return await this.AfterChangeAsync(handled,
            day => new PageDone($"{day.Name} added. Every working-day clock now counts it.", "/admin/calendar"),
            () => LoadAsync(cancellationToken));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Calendar = await handler.HandleAsync(cancellationToken);
        return true;
    }

    public sealed class AddInput
    {
        [Display(Name = "Date of the bank holiday")]
        public DateOnly? Date { get; set; }
        public string? Name { get; set; }
    }
}
