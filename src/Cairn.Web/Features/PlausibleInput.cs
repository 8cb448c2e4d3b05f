using System.Collections;
using System.Reflection;
using Cairn.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Cairn.Web.Features;

/// <summary>
/// Applies the domain's text rules (<see cref="Plausible.Text(string?, string, int)"/>) to every piece of text anyone sends,
/// on the API and on every page, so no slice can forget them (issue #17): no NUL or other control character, no
/// direction override, no stray zero-width character, nothing longer than <see cref="Plausible.MaxFreeTextLength"/>.
/// Shorter limits stay where the text is shorter by nature (a name, a reason), on the command and in the domain.
/// </summary>
public static class PlausibleInput
{
    private const string What = "This text";
    private const int MaxDepth = 8;

    /// <summary>Every implausible piece of text in an API call's arguments, each against its path in the request.</summary>
    public static IReadOnlyList<FieldError> Check(IReadOnlyList<(string Name, object? Value)> arguments)
    {
        var errors = new List<FieldError>();
        foreach (var (name, value) in arguments)
        {
            Walk(value, name, errors, 0);
        }

        return errors;
    }

    /// <summary>Refuses an API call with implausible text as 400 problem+json before its handler runs: nothing is changed.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var parameters = factory.MethodInfo.GetParameters();
        // Only what the caller sent is checked: a handler, the DbContext or any other service the endpoint is given is not input,
        // and walking one would read whatever it exposes (a DbSet is enumerable: a whole table).
        var services = factory.ApplicationServices.GetService<Microsoft.Extensions.DependencyInjection.IServiceProviderIsService>();
        var isInput = parameters.Select(p => services?.IsService(p.ParameterType) != true).ToArray();
        return async context =>
        {
            var arguments = new List<(string, object?)>(context.Arguments.Count);
            for (var i = 0; i < context.Arguments.Count; i++)
            {
                if (i < isInput.Length && !isInput[i])
                {
                    continue;
                }

                var parameter = i < parameters.Length ? parameters[i] : null;
                // A body is named by its fields alone ("receivedAt", not "command.receivedAt"), as the request names them.
                var isBody = parameter is not null && parameter.ParameterType != typeof(string) && IsOurs(parameter.ParameterType);
                arguments.Add((isBody ? "" : parameter?.Name ?? "", context.Arguments[i]));
            }

            return Refusal.FromErrors(Check(arguments)) is { } refusal ? refusal.ToProblem() : await next(context);
        };
    }

    private static void Walk(object? value, string path, List<FieldError> errors, int depth)
    {
        switch (value)
        {
            case null or IQueryable:
                return;
            case string text:
                if (Plausible.Text(text, What, Plausible.MaxFreeTextLength) is { } message)
                {
                    errors.Add(new FieldError(path, message));
                }

                return;
            case IDictionary dictionary when depth < MaxDepth:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = $"{path}[{entry.Key}]";
                    Walk(entry.Key as string, key, errors, depth + 1);
                    Walk(entry.Value, key, errors, depth + 1);
                }

                return;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{index++}]", errors, depth + 1);
                }

                return;
        }

        if (depth >= MaxDepth || !IsOurs(value.GetType()))
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.CanRead
                && (property.PropertyType == typeof(string) || !property.PropertyType.IsValueType))
            {
                Walk(property.GetValue(value), string.IsNullOrEmpty(path) ? property.Name : $"{path}.{property.Name}", errors, depth + 1);
            }
        }
    }

    /// <summary>Cairn's own commands and records: the only objects walked (never a framework type, a stream or a file).</summary>
    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Cairn.", StringComparison.Ordinal) == true && !type.IsEnum;
}

/// <summary>The same text rules for every string a page binds: an error against the field in the GOV.UK error summary.</summary>
public sealed class PlausibleTextValidatorProvider : IModelValidatorProvider
{
    public void CreateValidators(ModelValidatorProviderContext context)
    {
        if (context.ModelMetadata.ModelType == typeof(string))
        {
            context.Results.Add(new ValidatorItem { Validator = PlausibleTextValidator.Instance, IsReusable = true });
        }
    }

    private sealed class PlausibleTextValidator : IModelValidator
    {
        public static readonly PlausibleTextValidator Instance = new();

        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context) =>
            context.Model is string text
            && Plausible.Text(text, context.ModelMetadata.GetDisplayName(), Plausible.MaxFreeTextLength) is { } message
                ? [new ModelValidationResult(string.Empty, message)]
                : [];
    }
}
