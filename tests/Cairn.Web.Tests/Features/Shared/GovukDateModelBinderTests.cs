using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Cairn.Web.Features.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;

namespace Cairn.Web.Tests.Features.Shared;

/// <summary>
/// The binder behind the GOV.UK date input, on its own: parts or a single value, for every date and time type a page may
/// bind. Times are London's: 14:30 on 1 July is 13:30 UTC (summer time), 09:00 on 15 January is 09:00 UTC.
/// </summary>
public sealed class GovukDateModelBinderTests
{
    private static readonly EmptyModelMetadataProvider Metadata = new();

    private sealed class Form
    {
        public DateOnly? StartedOn { get; set; }
        public DateOnly ReviewBy { get; set; }
        public DateTime? HeldAt { get; set; }
        public DateTimeOffset? OccurredAt { get; set; }
        public DateTimeOffset Received { get; set; }
    }

    private static (ModelBindingResult Result, ModelStateDictionary State) Bind(string property, params (string Key, string Value)[] values)
    {
        var query = new QueryCollection(values.ToDictionary(v => v.Key, v => new StringValues(v.Value)));
        var provider = new QueryStringValueProvider(BindingSource.Query, query, CultureInfo.InvariantCulture);
        var context = new DefaultModelBindingContext
        {
            ActionContext = new ActionContext { HttpContext = new DefaultHttpContext() },
            ModelMetadata = Metadata.GetMetadataForProperty(typeof(Form), property),
            ModelName = property,
            FieldName = property,
            ModelState = new ModelStateDictionary(),
            ValueProvider = provider,
        };
        new GovukDateModelBinder().BindModelAsync(context).GetAwaiter().GetResult();
        return (context.Result, context.ModelState);
    }

    private static string? ErrorOf(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    [Fact]
    public void It_binds_every_date_and_time_type_and_nothing_else()
    {
        foreach (var type in new[] { typeof(DateOnly), typeof(DateOnly?), typeof(DateTime), typeof(DateTime?), typeof(DateTimeOffset), typeof(DateTimeOffset?) })
        {
            Assert.True(GovukDateModelBinder.Binds(type), type.Name);
        }

        foreach (var type in new[] { typeof(string), typeof(int?), typeof(TimeOnly), typeof(Guid?) })
        {
            Assert.False(GovukDateModelBinder.Binds(type), type.Name);
        }
    }

    [Fact]
    public void Day_month_and_year_bind_a_date_and_keep_what_was_typed()
    {
        var (result, state) = Bind("StartedOn", ("StartedOn.Day", "1"), ("StartedOn.Month", "03"), ("StartedOn.Year", "2026"));

        Assert.True(result.IsModelSet);
        Assert.Equal(new DateOnly(2026, 3, 1), result.Model);
        Assert.Equal(new DateEntry("1", "03", "2026"), state["StartedOn"]!.RawValue);
    }

    [Fact]
    public void A_single_value_still_binds()
    {
        Assert.Equal(new DateOnly(2026, 3, 1), Bind("StartedOn", ("StartedOn", "2026-03-01")).Result.Model);
        Assert.Equal(new DateTime(2026, 7, 1, 14, 30, 0), Bind("HeldAt", ("HeldAt", "2026-07-01T14:30")).Result.Model);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), Bind("OccurredAt", ("OccurredAt", "2026-01-15T09:00")).Result.Model);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero),
            Bind("OccurredAt", ("OccurredAt", "2026-07-01T14:00+02:00")).Result.Model);
    }

    [Fact]
    public void A_single_value_that_is_not_a_date_is_an_error_in_govuk_words()
    {
        var (result, state) = Bind("StartedOn", ("StartedOn", "last spring"));

        Assert.False(result.IsModelSet);
        Assert.Equal("Started on must be a real date", ErrorOf(state, "StartedOn"));
    }

    [Fact]
    public void Nothing_typed_is_null_and_no_error()
    {
        var (parts, partsState) = Bind("StartedOn", ("StartedOn.Day", ""), ("StartedOn.Month", " "), ("StartedOn.Year", ""));
        var (single, singleState) = Bind("OccurredAt", ("OccurredAt", ""));

        Assert.True(parts.IsModelSet);
        Assert.Null(parts.Model);
        Assert.True(single.IsModelSet);
        Assert.Null(single.Model);
        Assert.Equal(0, partsState.ErrorCount + singleState.ErrorCount);
    }

    [Fact]
    public void Nothing_posted_binds_nothing()
    {
        var (result, state) = Bind("StartedOn", ("Other", "1"));

        Assert.False(result.IsModelSet);
        Assert.Empty(state);
    }

    [Fact]
    public void A_date_that_cannot_be_empty_says_enter_it()
    {
        var (result, state) = Bind("ReviewBy", ("ReviewBy.Day", ""), ("ReviewBy.Month", ""), ("ReviewBy.Year", ""));

        Assert.False(result.IsModelSet);
        Assert.Equal("Enter review by", ErrorOf(state, "ReviewBy"));
    }

    [Theory]
    [InlineData("1", "", "2026", "Started on must include a month")]
    [InlineData("31", "2", "2026", "Started on must be a real date")]
    [InlineData("1", "13", "2026", "Started on must be a real date")]
    [InlineData("1", "3", "26", "Started on must be a real date")]
    public void Parts_partly_filled_or_not_a_real_date_are_an_error_on_the_property(string day, string month, string year, string message)
    {
        var (result, state) = Bind("StartedOn", ("StartedOn.Day", day), ("StartedOn.Month", month), ("StartedOn.Year", year));

        Assert.False(result.IsModelSet);
        Assert.Equal(message, ErrorOf(state, "StartedOn"));
        Assert.Equal(new DateEntry(day, month, year), state["StartedOn"]!.RawValue);
    }

    [Fact]
    public void A_date_and_time_is_london_wall_clock_time()
    {
        var parts = new[] { ("HeldAt.Day", "1"), ("HeldAt.Month", "7"), ("HeldAt.Year", "2026"), ("HeldAt.Time", "2:30pm") };
        var local = Bind("HeldAt", parts).Result.Model;
        var summer = Bind("OccurredAt", [.. parts.Select(p => (p.Item1.Replace("HeldAt", "OccurredAt"), p.Item2))]).Result.Model;
        var winter = Bind("Received", ("Received.Day", "15"), ("Received.Month", "1"), ("Received.Year", "2026"), ("Received.Time", "09:00")).Result.Model;

        Assert.Equal(new DateTime(2026, 7, 1, 14, 30, 0, DateTimeKind.Unspecified), local);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)local!).Kind);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 13, 30, 0, TimeSpan.Zero), summer);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), winter);
    }

    [Fact]
    public void A_time_that_is_missing_or_not_real_is_an_error()
    {
        var missing = Bind("HeldAt", ("HeldAt.Day", "1"), ("HeldAt.Month", "7"), ("HeldAt.Year", "2026"), ("HeldAt.Time", ""));
        var unreal = Bind("HeldAt", ("HeldAt.Day", "1"), ("HeldAt.Month", "7"), ("HeldAt.Year", "2026"), ("HeldAt.Time", "25:00"));
        // A form with no time field binds the start of the day.
        var dateOnly = Bind("HeldAt", ("HeldAt.Day", "1"), ("HeldAt.Month", "7"), ("HeldAt.Year", "2026"));

        Assert.Equal("Held at must include a time", ErrorOf(missing.State, "HeldAt"));
        Assert.Equal("Held at must be a real time", ErrorOf(unreal.State, "HeldAt"));
        Assert.Equal(new DateTime(2026, 7, 1), dateOnly.Result.Model);
    }

    [Fact]
    public void Every_date_a_page_binds_is_named_for_its_error_messages()
    {
        var dates = new List<string>();
        var unnamed = new List<string>();
        foreach (var page in typeof(GovukDateModelBinder).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract))
        {
            foreach (var property in page.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null))
            {
                Visit(property, page.Name, 0);
            }
        }

        Assert.True(dates.Count >= 25, $"only {dates.Count} dates found");
        Assert.Empty(unnamed);

        void Visit(PropertyInfo property, string path, int depth)
        {
            var type = property.PropertyType;
            if (GovukDateModelBinder.Binds(type))
            {
                dates.Add($"{path}.{property.Name}");
                if (property.GetCustomAttribute<DisplayAttribute>()?.Name is not { Length: > 0 })
                {
                    unnamed.Add($"{path}.{property.Name}");
                }
            }
            else if (depth < 3 && type.IsClass && type.Assembly == typeof(GovukDateModelBinder).Assembly)
            {
                foreach (var inner in type.GetProperties().Where(p => p.CanWrite))
                {
                    Visit(inner, $"{path}.{property.Name}", depth + 1);
                }
            }
        }
    }
}
