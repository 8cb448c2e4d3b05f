using Cairn.Domain.Concerns;
using Cairn.Web.Features.Concerns.ChangeConcernRules;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Concerns.Rules;

/// <summary>The main numbers of each rule on one form; weights and lists keep their stored values (the API edits everything).</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ConcernRuleSettingsModel(ConcernRuleSettingsHandler handler, ChangeConcernRulesHandler change) : PageModel
{
    /// <summary>Where each of the domain's field names is on this form.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["CumulativeConcern.WindowDays"] = nameof(RulesInput.CumulativeWindowDays),
        ["CumulativeConcern.Threshold"] = nameof(RulesInput.CumulativeThreshold),
        ["CumulativeConcern.MinAgencies"] = nameof(RulesInput.CumulativeMinAgencies),
        ["UnderTwoInRiskHousehold.WindowDays"] = nameof(RulesInput.UnderTwoWindowDays),
        ["OffTheRadar.NoContactDays"] = nameof(RulesInput.OffTheRadarNoContactDays),
        ["OffTheRadar.MissedAppointments"] = nameof(RulesInput.OffTheRadarMissedAppointments),
        ["OffTheRadar.MissedWindowDays"] = nameof(RulesInput.OffTheRadarMissedWindowDays),
        ["RepeatedNoFurtherAction.Contacts"] = nameof(RulesInput.NoFurtherActionContacts),
        ["RepeatedNoFurtherAction.WindowDays"] = nameof(RulesInput.NoFurtherActionWindowDays),
        ["NoFaceToFaceHealthVisit.AgeDays"] = nameof(RulesInput.VisitAgeDays),
        ["NoFaceToFaceHealthVisit.MaxAgeDays"] = nameof(RulesInput.VisitMaxAgeDays),
        ["Prompts.AnswerWorkingDays"] = nameof(RulesInput.AnswerWorkingDays),
    };

    [BindProperty]
    public RulesInput Input { get; set; } = new();

    public ConcernRulesView Rules { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!handler.MayEdit)
        {
            return Forbid();
        }

        Rules = await handler.ViewAsync(cancellationToken);
        Input = RulesInput.From(Rules);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!handler.MayEdit)
        {
            return Forbid();
        }

        Rules = await handler.ViewAsync(cancellationToken);
        var handled = await change.ChangeAsync(Input.ApplyTo(Rules.Settings), Input.Version ?? -1, cancellationToken);
        return await this.AfterChangeAsync(handled,
            _ => new PageDone("Concern rules saved: the next evaluation uses them", "/front-door/rules"),
            () => Task.FromResult(true),
            fieldFor: field => Fields.TryGetValue(field, out var input) ? $"Input.{input}" : string.Empty);
    }

    public sealed class RulesInput
    {
        public bool CumulativeEnabled { get; set; }
        public int? CumulativeWindowDays { get; set; }
        public int? CumulativeThreshold { get; set; }
        public int? CumulativeMinAgencies { get; set; }
        public bool UnderTwoEnabled { get; set; }
        public int? UnderTwoWindowDays { get; set; }
        public bool OffTheRadarEnabled { get; set; }
        public int? OffTheRadarNoContactDays { get; set; }
        public int? OffTheRadarMissedAppointments { get; set; }
        public int? OffTheRadarMissedWindowDays { get; set; }
        public bool NoFurtherActionEnabled { get; set; }
        public int? NoFurtherActionContacts { get; set; }
        public int? NoFurtherActionWindowDays { get; set; }
        public bool VisitEnabled { get; set; }
        public int? VisitAgeDays { get; set; }
        public int? VisitMaxAgeDays { get; set; }
        public int? AnswerWorkingDays { get; set; }
        public int? Version { get; set; }

        public static RulesInput From(ConcernRulesView view)
        {
            var s = view.Settings;
            return new RulesInput
            {
                CumulativeEnabled = s.CumulativeConcern.Enabled,
                CumulativeWindowDays = s.CumulativeConcern.WindowDays,
                CumulativeThreshold = s.CumulativeConcern.Threshold,
                CumulativeMinAgencies = s.CumulativeConcern.MinAgencies,
                UnderTwoEnabled = s.UnderTwoInRiskHousehold.Enabled,
                UnderTwoWindowDays = s.UnderTwoInRiskHousehold.WindowDays,
                OffTheRadarEnabled = s.OffTheRadar.Enabled,
                OffTheRadarNoContactDays = s.OffTheRadar.NoContactDays,
                OffTheRadarMissedAppointments = s.OffTheRadar.MissedAppointments,
                OffTheRadarMissedWindowDays = s.OffTheRadar.MissedWindowDays,
                NoFurtherActionEnabled = s.RepeatedNoFurtherAction.Enabled,
                NoFurtherActionContacts = s.RepeatedNoFurtherAction.Contacts,
                NoFurtherActionWindowDays = s.RepeatedNoFurtherAction.WindowDays,
                VisitEnabled = s.NoFaceToFaceHealthVisit.Enabled,
                VisitAgeDays = s.NoFaceToFaceHealthVisit.AgeDays,
                VisitMaxAgeDays = s.NoFaceToFaceHealthVisit.MaxAgeDays,
                AnswerWorkingDays = s.Prompts.AnswerWorkingDays,
                Version = view.Version,
            };
        }

        /// <summary>A missing number is sent as 0, so validation names the field rather than keeping the old value silently.</summary>
        public ConcernRuleSettings ApplyTo(ConcernRuleSettings s) => s with
        {
            CumulativeConcern = s.CumulativeConcern with
            {
                Enabled = CumulativeEnabled,
                WindowDays = CumulativeWindowDays ?? 0,
                Threshold = CumulativeThreshold ?? 0,
                MinAgencies = CumulativeMinAgencies ?? 0,
            },
            UnderTwoInRiskHousehold = s.UnderTwoInRiskHousehold with { Enabled = UnderTwoEnabled, WindowDays = UnderTwoWindowDays ?? 0 },
            OffTheRadar = s.OffTheRadar with
            {
                Enabled = OffTheRadarEnabled,
                NoContactDays = OffTheRadarNoContactDays ?? 0,
                MissedAppointments = OffTheRadarMissedAppointments ?? 0,
                MissedWindowDays = OffTheRadarMissedWindowDays ?? 0,
            },
            RepeatedNoFurtherAction = s.RepeatedNoFurtherAction with
            {
                Enabled = NoFurtherActionEnabled,
                Contacts = NoFurtherActionContacts ?? 0,
                WindowDays = NoFurtherActionWindowDays ?? 0,
            },
            NoFaceToFaceHealthVisit = s.NoFaceToFaceHealthVisit with
            {
                Enabled = VisitEnabled,
                AgeDays = VisitAgeDays ?? 0,
                MaxAgeDays = VisitMaxAgeDays ?? 0,
            },
            Prompts = s.Prompts with { AnswerWorkingDays = AnswerWorkingDays ?? 0 },
        };
    }
}
