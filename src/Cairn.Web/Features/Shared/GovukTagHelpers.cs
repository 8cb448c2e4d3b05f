using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cairn.Web.Features.Shared;

/// <summary>
/// GOV.UK form fields bound to a page model property: label, hint, error message and the control, with
/// the error state the design system prescribes. Field ids match the error summary's links.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("label-class")]
    public string LabelClass { get; set; } = "govuk-label";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string Name => For.Name;
    protected string Id => For.Name.Replace('.', '_');
    protected string? ErrorMessage =>
        ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The value to show: what was posted (when re-displaying with errors) or the model's value.</summary>
    protected string Value
    {
        get
        {
            if (ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.AttemptedValue is not null)
            {
                return entry.AttemptedValue;
            }

            return For.Model switch
            {
                null => "",
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
            };
        }
    }

    protected static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    protected string DescribedBy(string? extra = null)
    {
        var ids = new List<string>();
        if (Hint is not null)
        {
            ids.Add(Id + "-hint");
        }

        if (ErrorMessage is not null)
        {
            ids.Add(Id + "-error");
        }

        if (extra is not null)
        {
            ids.Add(extra);
        }

        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected string HintAndError()
    {
        var html = "";
        if (Hint is not null)
        {
            html += $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(Hint)}</div>";
        }

        if (ErrorMessage is not null)
        {
            html += $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(ErrorMessage)}</p>";
        }

        return html;
    }

    protected void Wrap(TagHelperOutput output, string inner)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", ErrorMessage is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(inner);
    }
}

/// <summary>
/// <c>&lt;govuk-input for="Input.Name" label="…" type="text|number|email|password" /&gt;</c>. A date is never a browser date
/// picker: use <c>&lt;govuk-date-input&gt;</c> or <c>&lt;govuk-date-time-input&gt;</c> (<see cref="GovukDateFieldTagHelper"/>).
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string InputClass { get; set; } = "govuk-input";
    public bool Spellcheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorMessage is null ? "" : " govuk-input--error";
        var autocomplete = Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"";
        var spellcheck = Type == "text" ? $" spellcheck=\"{(Spellcheck ? "true" : "false")}\"" : "";
        var value = Type == "password" ? "" : $" value=\"{E(Value)}\"";
        Wrap(output, $"<label class=\"{E(LabelClass)}\" for=\"{Id}\">{E(Label)}</label>{HintAndError()}" +
            $"<input class=\"{E(InputClass)}{error}\" id=\"{Id}\" name=\"{E(Name)}\" type=\"{E(Type)}\"" +
            $"{value}{autocomplete}{spellcheck}{DescribedBy()}>");
    }
}

/// <summary><c>&lt;govuk-textarea for="Input.Detail" label="…" rows="5" /&gt;</c></summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorMessage is null ? "" : " govuk-textarea--error";
        Wrap(output, $"<label class=\"{E(LabelClass)}\" for=\"{Id}\">{E(Label)}</label>{HintAndError()}" +
            $"<textarea class=\"govuk-textarea{error}\" id=\"{Id}\" name=\"{E(Name)}\" rows=\"{Rows}\"{DescribedBy()}>{E(Value)}</textarea>");
    }
}

/// <summary><c>&lt;govuk-select for="Input.Category" label="…" items="…" /&gt;</c> — items are (value, text) pairs.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    public IEnumerable<(string Value, string Text)> Items { get; set; } = [];
    /// <summary>Text of an empty first option, or null for none.</summary>
    public string? Prompt { get; set; } = "Select";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = Value;
        var error = ErrorMessage is null ? "" : " govuk-select--error";
        var options = Prompt is null ? "" : $"<option value=\"\">{E(Prompt)}</option>";
        foreach (var (value, text) in Items)
        {
            var selected = string.Equals(value, current, StringComparison.OrdinalIgnoreCase) ? " selected" : "";
            options += $"<option value=\"{E(value)}\"{selected}>{E(text)}</option>";
        }

        Wrap(output, $"<label class=\"{E(LabelClass)}\" for=\"{Id}\">{E(Label)}</label>{HintAndError()}" +
            $"<select class=\"govuk-select{error}\" id=\"{Id}\" name=\"{E(Name)}\"{DescribedBy()}>{options}</select>");
    }
}

/// <summary><c>&lt;govuk-radios for="Input.Outcome" label="…" items="…" /&gt;</c> — a fieldset with a legend.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukFieldTagHelper
{
    public IEnumerable<(string Value, string Text)> Items { get; set; } = [];
    public bool Inline { get; set; }
    public string LegendClass { get; set; } = "govuk-fieldset__legend govuk-fieldset__legend--s";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = Value;
        var radios = "";
        var index = 0;
        foreach (var (value, text) in Items)
        {
            var itemId = index == 0 ? Id : $"{Id}-{index}";
            var isChecked = string.Equals(value, current, StringComparison.OrdinalIgnoreCase) ? " checked" : "";
            radios += "<div class=\"govuk-radios__item\">" +
                      $"<input class=\"govuk-radios__input\" id=\"{itemId}\" name=\"{E(Name)}\" type=\"radio\" value=\"{E(value)}\"{isChecked}>" +
                      $"<label class=\"govuk-label govuk-radios__label\" for=\"{itemId}\">{E(text)}</label></div>";
            index++;
        }

        var inline = Inline ? " govuk-radios--inline" : "";
        Wrap(output, $"<fieldset class=\"govuk-fieldset\"{DescribedBy()}><legend class=\"{E(LegendClass)}\">{E(Label)}</legend>{HintAndError()}" +
            $"<div class=\"govuk-radios{inline}\" data-module=\"govuk-radios\">{radios}</div></fieldset>");
    }
}

/// <summary><c>&lt;govuk-checkbox for="Input.Flag" label="…" /&gt;</c> — a single yes/no checkbox.</summary>
[HtmlTargetElement("govuk-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var isChecked = string.Equals(Value, "true", StringComparison.OrdinalIgnoreCase) ? " checked" : "";
        Wrap(output, $"{HintAndError()}<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">" +
            "<div class=\"govuk-checkboxes__item\">" +
            $"<input class=\"govuk-checkboxes__input\" id=\"{Id}\" name=\"{E(Name)}\" type=\"checkbox\" value=\"true\"{isChecked}{DescribedBy()}>" +
            $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{Id}\">{E(Label)}</label></div></div>");
    }
}

public static class Options
{
    /// <summary>The items of an enum for a select or radios, with readable text.</summary>
    public static IEnumerable<(string Value, string Text)> Of<TEnum>(params TEnum[] except)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => !except.Contains(v)).Select(v => (v.ToString(), Display.Text(v)));
}

/// <summary>
/// <c>&lt;govuk-checkboxes for="Input.Concerns" label="…" items="…" /&gt;</c> — several choices under one legend, bound to a
/// list. Items whose value is in the posted or current list are ticked.
/// </summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : GovukFieldTagHelper
{
    public IEnumerable<(string Value, string Text)> Items { get; set; } = [];
    public string LegendClass { get; set; } = "govuk-fieldset__legend govuk-fieldset__legend--s";
    public bool Small { get; set; } = true;

    private HashSet<string> Selected()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string one => [one],
                string[] many => [.. many],
                _ => [],
            };
        }

        return For.Model is System.Collections.IEnumerable values and not string
            ? [.. values.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")]
            : [];
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var selected = Selected();
        var boxes = "";
        var index = 0;
        foreach (var (value, text) in Items)
        {
            var itemId = index == 0 ? Id : $"{Id}-{index}";
            var isChecked = selected.Contains(value) ? " checked" : "";
            boxes += "<div class=\"govuk-checkboxes__item\">" +
                     $"<input class=\"govuk-checkboxes__input\" id=\"{itemId}\" name=\"{E(Name)}\" type=\"checkbox\"" +
                     $" value=\"{E(value)}\"{isChecked}>" +
                     $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{itemId}\">{E(text)}</label></div>";
            index++;
        }

        var small = Small ? " govuk-checkboxes--small" : "";
        Wrap(output, $"<fieldset class=\"govuk-fieldset\"{DescribedBy()}><legend class=\"{E(LegendClass)}\">{E(Label)}</legend>{HintAndError()}" +
            $"<div class=\"govuk-checkboxes{small}\" data-module=\"govuk-checkboxes\">{boxes}</div></fieldset>");
    }
}
