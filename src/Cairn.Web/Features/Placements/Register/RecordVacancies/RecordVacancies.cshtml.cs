using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.Register.RecordVacancies;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordVacanciesModel(RecordVacanciesHandler handler, RegisterAccessHandler register, TimeProvider clock) : PageModel
{
    [BindProperty]
    public VacanciesInput Input { get; set; } = new();

    public SettingView Setting { get; private set; } = null!;

    public bool MayRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(new SettingId(id), cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!MayRecord)
        {
            this.ShowRefusal(RegisterAccessHandler.NotTheirs);
        }

        Input.From = clock.Today();
        Input.Vacancies = Setting.Vacancies;
        Input.Version = Setting.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var setting = new SettingId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(setting, cancellationToken) ?? Page();
        }

        var handled = await handler.HandleAsync(setting,
            new RecordVacanciesCommand { Vacancies = Input.Vacancies, From = Input.From, Version = Input.Version }, cancellationToken);
        return await this.AfterChangeAsync(handled, s => new PageDone($"Vacancies recorded: {s.Vacancies} of {s.Details.Capacity}",
                $"/placements/settings/{id}"),
            async () =>
            {
                var loaded = await LoadAsync(setting, cancellationToken) is null;
                Input.Version = Setting.Version;
                return loaded;
            });
    }

    private async Task<IActionResult?> LoadAsync(SettingId id, CancellationToken cancellationToken)
    {
        if (!await register.MayViewAsync(cancellationToken))
        {
            return Forbid();
        }

        if (await register.SettingAsync(id, cancellationToken) is not { } setting)
        {
            return NotFound();
        }

        Setting = setting;
        MayRecord = await register.MayChangeAsync(cancellationToken);
        return null;
    }

    public sealed class VacanciesInput
    {
        public int? Vacancies { get; set; }

        [Display(Name = "Date the vacancies are from")]
        public DateOnly? From { get; set; }

        public int? Version { get; set; }
    }
}
