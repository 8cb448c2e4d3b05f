using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cairn.Web.Features.Family;

/// <summary>
/// How the family features report a refusal. A refusal on field <c>Version</c> means the record moved on
/// while the person was looking (a stale version, or a write that lost the race in the database): 409 on the
/// API and a message about the whole form on pages. Anything else is bad input: 400 and field errors.
/// </summary>
public static class FamilyResults
{
    public const string VersionField = "Version";

    public static bool IsConflict(Refusal refusal) => refusal.IsConflict;

    /// <summary>The API answer for a change: the value, 400 for bad input, 409 for a conflict, 404 for no access.</summary>
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult, NotFound> ToChangeResult<T>(Outcome<T>? outcome, string conflictTitle)
    {
        if (outcome is not { } result)
        {
            return TypedResults.NotFound();
        }

        if (result.Refusal is not { } refusal)
        {
            return TypedResults.Ok(result.Value!);
        }

        return IsConflict(refusal) ? ToConflict(refusal, conflictTitle) : refusal.ToProblem();
    }

    /// <summary>The API answer for something new: 201 with where to read it, 400, 409 or 404.</summary>
    public static Results<Created<T>, ValidationProblem, ProblemHttpResult, NotFound> ToCreatedResult<T>(Outcome<T>? outcome, Func<T, string> location,
        string conflictTitle)
    {
        if (outcome is not { } result)
        {
            return TypedResults.NotFound();
        }

        if (result.Refusal is not { } refusal)
        {
            return TypedResults.Created(location(result.Value!), result.Value);
        }

        return IsConflict(refusal) ? ToConflict(refusal, conflictTitle) : refusal.ToProblem();
    }

    /// <summary>Copies a refusal to a page: a conflict is about the whole form (the summary links to the top), the rest to their fields.</summary>
    public static void AddTo(ModelStateDictionary modelState, Refusal refusal, string prefix = "Input")
    {
        if (!IsConflict(refusal))
        {
            modelState.AddRefusal(refusal, prefix);
            return;
        }

        foreach (var error in refusal.Errors.Where(e => e.Field == VersionField))
        {
            modelState.AddModelError(string.Empty, error.Message);
        }
    }

    private static ProblemHttpResult ToConflict(Refusal refusal, string title)
    {
        var problem = refusal.ToProblem().ProblemDetails;
        problem.Status = StatusCodes.Status409Conflict;
        problem.Title = title;
        problem.Type = "https://cairn.example/problems/conflict";
        problem.Detail = string.Join(" ", refusal.Errors.Where(e => e.Field == VersionField).Select(e => e.Message));
        return TypedResults.Problem(problem);
    }
}
