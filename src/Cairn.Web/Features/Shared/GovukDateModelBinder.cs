using System.Globalization;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cairn.Web.Features.Shared;

/// <summary>
/// Binds a <see cref="DateOnly"/>, <see cref="DateTime"/> or <see cref="DateTimeOffset"/> (or a nullable one) from a GOV.UK
/// date input: <c>Input.StartedOn.Day</c>, <c>.Month</c>, <c>.Year</c> and, for a date and time, <c>.Time</c>
/// (<see cref="GovukDateInputTagHelper"/>). A form or query that sends the single value instead
/// (<c>Input.StartedOn=2026-03-01</c>, <c>from=2026-03-01</c>) still binds. Times are London local times: a
/// <see cref="DateTime"/> is the London wall clock (pages convert it with <see cref="Clock.FromLondon"/>), a
/// <see cref="DateTimeOffset"/> the instant it means.
/// <para>
/// Nothing typed is null, so the handler's own "Enter …" message applies. Fields partly filled or not a real date or
/// time are an error on the property in the design system's words, named by the property's <c>[Display(Name)]</c>:
/// "Date of birth must include a month", "Date of birth must be a real date", "… must be a real time". What was typed
/// is kept in model state (<see cref="DateEntry"/>) so the page shows it again.
/// </para>
/// </summary>
public sealed class GovukDateModelBinder : IModelBinder
{
    public static bool Binds(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset));

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var values = bindingContext.ValueProvider;
        var day = values.GetValue(name + ".Day");
        var month = values.GetValue(name + ".Month");
        var year = values.GetValue(name + ".Year");
        var time = values.GetValue(name + ".Time");
        if (day == ValueProviderResult.None && month == ValueProviderResult.None && year == ValueProviderResult.None
            && time == ValueProviderResult.None)
        {
            BindSingle(bindingContext, values.GetValue(name));
            return Task.CompletedTask;
        }

        var type = bindingContext.ModelMetadata.UnderlyingOrModelType;
        // A date and time whose form has no time field is the start of the day.
        var withTime = type != typeof(DateOnly) && time != ValueProviderResult.None;
        var entry = new DateEntry(day.FirstValue ?? "", month.FirstValue ?? "", year.FirstValue ?? "", withTime ? time.FirstValue ?? "" : null);
        bindingContext.ModelState.SetModelValue(name, entry, string.Join(" ", entry.Day, entry.Month, entry.Year, entry.Time).Trim());

        var reading = entry.Read();
        if (!reading.IsValid)
        {
            bindingContext.ModelState.TryAddModelError(name, $"{NameOf(bindingContext)} {reading.Problem}");
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        Finish(bindingContext, reading.Date is { } date ? date.ToDateTime(reading.Time ?? TimeOnly.MinValue) : null);
        return Task.CompletedTask;
    }

    private static void BindSingle(ModelBindingContext bindingContext, ValueProviderResult value)
    {
        if (value == ValueProviderResult.None)
        {
            return;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Finish(bindingContext, null);
            return;
        }

        if (Parse(text, bindingContext.ModelMetadata.UnderlyingOrModelType, value.Culture) is { } parsed)
        {
            bindingContext.Result = ModelBindingResult.Success(parsed);
            return;
        }

        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"{NameOf(bindingContext)} must be a real date");
        bindingContext.Result = ModelBindingResult.Failed();
    }

    /// <summary>A single value: ISO 8601 ("2026-03-01", "2026-03-01T14:30") or the request's culture's form.</summary>
    private static object? Parse(string text, Type type, CultureInfo culture)
    {
        foreach (var format in new[] { CultureInfo.InvariantCulture, culture })
        {
            if (type == typeof(DateOnly))
            {
                if (DateOnly.TryParse(text, format, DateTimeStyles.None, out var date))
                {
                    return date;
                }
            }
            else if (DateTime.TryParse(text, format, DateTimeStyles.RoundtripKind, out var at))
            {
                if (type == typeof(DateTime) && at.Kind == DateTimeKind.Unspecified)
                {
                    return at;
                }

                // No offset given: London local time, as every time typed into Cairn is.
                var instant = at.Kind == DateTimeKind.Unspecified ? Clock.FromLondon(at) : new DateTimeOffset(at.ToUniversalTime(), TimeSpan.Zero);
                // (object) on each side: a conditional of DateTime and DateTimeOffset would be a DateTimeOffset.
                return type == typeof(DateTime) ? (object)instant.ToLondon().DateTime : (object)instant;
            }
        }

        return null;
    }

    /// <summary>The value bound from a London local date and time, or nothing typed.</summary>
    private static void Finish(ModelBindingContext bindingContext, DateTime? local)
    {
        var type = bindingContext.ModelMetadata.UnderlyingOrModelType;
        if (local is not { } value)
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"Enter {NameOf(bindingContext).ToLowerInvariant()}");
                bindingContext.Result = ModelBindingResult.Failed();
            }

            return;
        }

        object model = type == typeof(DateOnly) ? DateOnly.FromDateTime(value)
            : type == typeof(DateTimeOffset) ? (object)Clock.FromLondon(value)
            : (object)value;
        bindingContext.Result = ModelBindingResult.Success(model);
    }

    /// <summary>What the field is called in an error message: its <c>[Display(Name)]</c>, or its name in words.</summary>
    private static string NameOf(ModelBindingContext bindingContext)
    {
        var metadata = bindingContext.ModelMetadata;
        if (metadata.DisplayName is { Length: > 0 } display)
        {
            return display;
        }

        var name = metadata.PropertyName ?? metadata.ParameterName ?? "The date";
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
    }
}

/// <summary>Puts <see cref="GovukDateModelBinder"/> in front of MVC's own for every date and time a page binds.</summary>
public sealed class GovukDateModelBinderProvider : IModelBinderProvider
{
    private static readonly GovukDateModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        GovukDateModelBinder.Binds(context.Metadata.ModelType) ? Binder : null;
}
