using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features;

/// <summary>What a page says and where it goes after a change is done (post, redirect, get).</summary>
public readonly record struct PageDone(string? Notice, string RedirectTo);

/// <summary>
/// The one mapping from handlers' answers to what people see: a GOV.UK error summary on pages
/// (through ModelState) and problem+json on the API. Not found is 404, invalid input 400, a conflict 409
/// and a step that is not the caller's to take 403, everywhere.
/// </summary>
public static class Problems
{
    /// <summary>The API's answer to a change: 200 with the result, 400, 403, 409 or 404.</summary>
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult, NotFound> ToApiResult<T>(this Handled<T> handled) => handled.As switch
    {
        HandledAs.Done => TypedResults.Ok(handled.Value!),
        HandledAs.Refused => handled.Refusal!.Kind == RefusalKind.Invalid ? handled.Refusal.ToProblem() : handled.Refusal.ToStatusProblem(),
        _ => TypedResults.NotFound(),
    };

    /// <summary>The API's answer to something new: 201 with where to read it, 400, 403, 409 or 404.</summary>
    public static Results<Created<T>, ValidationProblem, ProblemHttpResult, NotFound> ToCreatedResult<T>(this Handled<T> handled,
        Func<T, string> location) => handled.As switch
        {
            HandledAs.Done => TypedResults.Created(location(handled.Value!), handled.Value),
            HandledAs.Refused => handled.Refusal!.Kind == RefusalKind.Invalid ? handled.Refusal.ToProblem() : handled.Refusal.ToStatusProblem(),
            _ => TypedResults.NotFound(),
        };

    /// <summary>A conflict as 409 problem+json, a step not the caller's to take as 403; the refusal's title and messages say why.</summary>
    public static ProblemHttpResult ToStatusProblem(this Refusal refusal) => refusal.IsConflict
        ? Problem(refusal, StatusCodes.Status409Conflict, "conflict")
        : Problem(refusal, StatusCodes.Status403Forbidden, "forbidden");

    /// <summary>
    /// What a page does after a change: done, the notice and a redirect (so a reload never posts twice); refused, the
    /// page again, loaded afresh, with a GOV.UK error summary. Invalid input is shown against its fields (under
    /// <paramref name="prefix"/>, or where <paramref name="fieldFor"/> puts it); a conflict or a step not the person's to
    /// take is one message about the whole form, with 409 or 403. The posted values are forgotten so the form shows what
    /// <paramref name="reload"/> loads, and its version is the one now held. Not found is 404.
    /// </summary>
    public static async Task<IActionResult> AfterChangeAsync<T>(this PageModel page, Handled<T> handled, Func<T, PageDone> done,
        Func<Task<bool>> reload, string prefix = "Input", Func<string, string?>? fieldFor = null)
    {
        switch (handled.As)
        {
            case HandledAs.Done:
                var next = done(handled.Value!);
                if (next.Notice is not null)
                {
                    page.TempData["Notice"] = next.Notice;
                }

                return new RedirectResult(next.RedirectTo);
            case HandledAs.Refused:
                page.ShowRefusal(handled.Refusal!, prefix, fieldFor);
                return await reload() ? page.Page() : page.NotFound();
            default:
                return page.NotFound();
        }
    }

    /// <summary>
    /// Shows a refusal on a page: a conflict or a step that is not the person's as one message above the form (409 or 403),
    /// anything else against its fields. The posted values are cleared, so a reloaded form carries the version now held.
    /// </summary>
    public static void ShowRefusal(this PageModel page, Refusal refusal, string prefix = "Input", Func<string, string?>? fieldFor = null)
    {
        page.ModelState.Clear();
        if (refusal.Kind is RefusalKind.Conflict or RefusalKind.NotAllowed)
        {
            foreach (var error in refusal.Errors)
            {
                page.ModelState.AddModelError(string.Empty, error.Message);
            }

            page.Response.StatusCode = refusal.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden;
            return;
        }

        foreach (var error in refusal.Errors)
        {
            var field = fieldFor?.Invoke(error.Field) ?? (string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}");
            page.ModelState.AddModelError(field, error.Message);
        }
    }

    private static ProblemHttpResult Problem(Refusal refusal, int status, string type) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = refusal.Title,
            Type = $"https://cairn.example/problems/{type}",
            Detail = string.Join(" ", refusal.Errors.Select(e => e.Message)),
        });

    public static ValidationProblem ToProblem(this Refusal refusal) =>
        TypedResults.ValidationProblem(
            refusal.Errors.GroupBy(e => ToCamel(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: refusal.Title,
            type: "https://cairn.example/problems/validation");

    public static ValidationProblem Invalid(string field, string message) => Refusal.Of(field, message).ToProblem();

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
