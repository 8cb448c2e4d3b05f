using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features;

/// <summary>
/// The one mapping from the domain's refusals to what people see: a GOV.UK error summary on pages
/// (through ModelState) and problem+json on the API.
/// </summary>
public static class Problems
{
    public static ValidationProblem ToProblem(this Refusal refusal) =>
        TypedResults.ValidationProblem(
            refusal.Errors.GroupBy(e => ToCamel(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: refusal.Title,
            type: "https://cairn.example/problems/validation");

    public static ValidationProblem Invalid(string field, string message) => Refusal.Of(field, message).ToProblem();

    /// <summary>A refusal because the record changed since the caller read it (the "Version" field).</summary>
    public static bool IsConflict(this Refusal refusal) => refusal.Errors.Any(e => e.Field == "Version");

    /// <summary>409 problem+json for an edit made against a stale version: never last-write-wins.</summary>
    public static ProblemHttpResult ToConflict(this Refusal refusal, string title) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = title,
            Type = "https://cairn.example/problems/conflict",
            Detail = string.Join(" ", refusal.Errors.Select(e => e.Message)),
        });

    /// <summary>The usual answer to a change: not found, a conflict (409), a validation problem (400), or the value.</summary>
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult, NotFound> ToChangeResult<T>(this Outcome<T>? outcome, string conflictTitle)
    {
        if (outcome is not { } result)
        {
            return TypedResults.NotFound();
        }

        if (result.Refusal is not { } refusal)
        {
            return TypedResults.Ok(result.Value!);
        }

        return refusal.IsConflict() ? refusal.ToConflict(conflictTitle) : refusal.ToProblem();
    }

    /// <summary>
    /// Shows a refusal on a page: a stale version as one message above the form, with 409 (the caller loads the record
    /// afresh, so the form then carries the version now held), anything else against its fields. True for a stale version.
    /// </summary>
    public static bool ShowRefusal(this PageModel page, Refusal refusal, string staleMessage, string prefix = "Input")
    {
        page.ModelState.Clear();
        if (refusal.IsConflict())
        {
            page.ModelState.AddModelError(string.Empty, staleMessage);
            page.Response.StatusCode = StatusCodes.Status409Conflict;
            return true;
        }

        page.ModelState.AddRefusal(refusal, prefix);
        return false;
    }

    /// <summary>Copies a refusal into ModelState under the page's input prefix, so the error summary links to the field.</summary>
    public static void AddRefusal(this ModelStateDictionary modelState, Refusal refusal, string prefix = "Input")
    {
        foreach (var error in refusal.Errors)
        {
            modelState.AddModelError(string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}", error.Message);
        }
    }

    /// <summary>
    /// A refusal's field as the API's JSON names it: camel case in every segment of a path, as the request body has it
    /// ("CumulativeConcern.WindowDays" is "cumulativeConcern.windowDays", "Attendees[0].Name" is "attendees[0].name").
    /// A dictionary key in brackets is left as it is, as the body has it ("ThemeWeights[Neglect]").
    /// </summary>
    public static string ToCamel(string field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return field;
        }

        var chars = field.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] == '.')
            {
                chars[i] = char.ToLowerInvariant(chars[i]);
            }
        }

        return new string(chars);
    }
}
