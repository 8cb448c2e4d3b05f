using System.Text.Encodings.Web;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cairn.Web.Features.Shared;

/// <summary>
/// The GOV.UK date input, never a browser date picker: a fieldset with a legend, the hint "For example, 27 3 2007", and
/// three text fields (Day, Month, Year) bound by <see cref="GovukDateModelBinder"/>. The Day field's id is the
/// property's (<c>Input_StartedOn</c>) so the error summary's link lands on it; the others are <c>Input_StartedOn-month</c>
/// and <c>Input_StartedOn-year</c>. The error is shown on the group and marks the fields it is about.
/// </summary>
public abstract class GovukDateFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>The question; by default the property's <c>[Display(Name)]</c>.</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>Said before the example date, for instance "Today or earlier."</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("legend-class")]
    public string LegendClass { get; set; } = "govuk-fieldset__legend govuk-fieldset__legend--s";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Whether a time field follows the date.</summary>
    protected abstract bool WithTime { get; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = name.Replace('.', '_');
        ViewContext.ViewData.ModelState.TryGetValue(name, out var state);
        var error = state is { Errors.Count: > 0 } ? state.Errors[0].ErrorMessage : null;
        var typed = state?.RawValue as DateEntry;
        var shown = typed ?? FromModel();
        var wrong = error is null ? DateParts.None
            : typed?.Read() is { IsValid: false } reading ? reading.Wrong
            : WithTime ? DateParts.Date | DateParts.Time : DateParts.Date;

        var hint = Hint?.TrimEnd() is { Length: > 0 } before
            ? $"{before}{(before.EndsWith('.') ? "" : ".")} {DateEntry.Example}"
            : DateEntry.Example;
        var describedBy = error is null ? $"{id}-hint" : $"{id}-hint {id}-error";
        var html = $"<fieldset class=\"govuk-fieldset\" role=\"group\" aria-describedby=\"{describedBy}\">" +
            $"<legend class=\"{E(LegendClass)}\">{E(Legend ?? For.Metadata.DisplayName ?? name)}</legend>" +
            $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>";
        if (error is not null)
        {
            html += $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>";
        }

        html += "<div class=\"govuk-date-input\">" +
            Item(id, name + ".Day", "Day", shown.Day, 2, wrong.HasFlag(DateParts.Day)) +
            Item(id + "-month", name + ".Month", "Month", shown.Month, 2, wrong.HasFlag(DateParts.Month)) +
            Item(id + "-year", name + ".Year", "Year", shown.Year, 4, wrong.HasFlag(DateParts.Year)) +
            "</div>";
        if (WithTime)
        {
            var timeError = wrong.HasFlag(DateParts.Time) ? " govuk-input--error" : "";
            html += "<div class=\"govuk-form-group govuk-!-margin-top-4\">" +
                $"<label class=\"govuk-label\" for=\"{id}-time\">Time</label>" +
                $"<div id=\"{id}-time-hint\" class=\"govuk-hint\">{E(DateEntry.TimeExample)}</div>" +
                $"<input class=\"govuk-input govuk-input--width-5{timeError}\" id=\"{id}-time\" name=\"{E(name)}.Time\" type=\"text\"" +
                $" value=\"{E(shown.Time)}\" autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"{id}-time-hint\"></div>";
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(html + "</fieldset>");
    }

    /// <summary>The model's value as its fields: a date and time in London time.</summary>
    private DateEntry FromModel()
    {
        var entry = For.Model switch
        {
            DateOnly date => DateEntry.Of(date),
            DateTime local => DateEntry.Of(local),
            DateTimeOffset instant => DateEntry.Of(instant.ToLondon().DateTime),
            _ => new DateEntry("", "", ""),
        };
        return WithTime ? entry with { Time = entry.Time ?? "" } : entry;
    }

    private static string Item(string id, string name, string label, string value, int width, bool wrong) =>
        "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
        $"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{label}</label>" +
        $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(wrong ? " govuk-input--error" : "")}\"" +
        $" id=\"{id}\" name=\"{E(name)}\" type=\"text\" inputmode=\"numeric\" value=\"{E(value)}\"></div></div>";

    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");
}

/// <summary>
/// <c>&lt;govuk-date-input for="Input.StartedOn" legend="…" hint="…" /&gt;</c> for a <see cref="DateOnly"/>: day, month and
/// year (<see cref="GovukDateFieldTagHelper"/>).
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukDateFieldTagHelper
{
    protected override bool WithTime => false;
}

/// <summary>
/// <c>&lt;govuk-date-time-input for="Input.HeldAt" legend="…" /&gt;</c> for a London local <see cref="DateTime"/> or a
/// <see cref="DateTimeOffset"/>: the date input and a text field for the time (<c>Input_HeldAt-time</c>, "For example,
/// 14:30 or 2:30pm"). The design system has no time component; a labelled text field with a clear hint is the pattern.
/// </summary>
[HtmlTargetElement("govuk-date-time-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateTimeInputTagHelper : GovukDateFieldTagHelper
{
    protected override bool WithTime => true;
}
