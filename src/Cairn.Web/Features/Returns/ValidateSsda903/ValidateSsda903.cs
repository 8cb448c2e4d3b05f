using Cairn.Domain;
using Cairn.Domain.Returns;
using Cairn.Domain.Returns.Ssda903;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Returns.ValidateSsda903;

/// <summary>
/// One failure of the built return: the child id on the return, the person and their name and the page where it is fixed (only
/// when the viewer may open the child), the DfE rule code, the catalogue's message and the fields it names.
/// </summary>
public sealed record Ssda903FailureView(string? ChildId, Guid? PersonId, string? Name, string? Link, string RuleCode, string Message,
    IReadOnlyList<string> Fields);

/// <summary>How many children fail a rule, and its message.</summary>
public sealed record RuleCount(string RuleCode, string Message, int Failures);

/// <summary>The validation of the area's 903 for a year: every failure, a count by rule code, and how many children are on it.</summary>
public sealed record Ssda903ValidationView(string Year, int Children, int Total, IReadOnlyList<RuleCount> ByRule,
    IReadOnlyList<Ssda903FailureView> Failures);

/// <summary>
/// Runs the DfE's rules for the year (<see cref="Ssda903Validation"/>) on the return built from the record, on demand (issue #19;
/// L41, L44), for the same people who may export it. Each failure links to the page where it is fixed: the child's legal status
/// for LS, CIN and REC, their placements for the placement fields, their meetings for reviews, their missing episodes, and their
/// record otherwise. Audited as <c>returns.ssda903.validate</c> (year and counts) and, for each child named, a read.
/// </summary>
public sealed class ValidateSsda903Handler(Ssda903RecordHandler record, ReturnsAccessHandler access, RecordAccessService records,
    AuditLog audit, CairnDbContext db, CurrentUser user)
{
    public const string AuditAction = "returns.ssda903.validate";

    private static readonly HashSet<string> LegalStatusFields = new(["LS", "CIN", "REC", "RNE", "DECOM", "DEC"], StringComparer.Ordinal);
    private static readonly HashSet<string> PlacementFields =
        new(["PLACE", "PLACE_PROVIDER", "URN", "PL_POST", "REASON_PLACE_CHANGE", "PL_DISTANCE", "PL_LA", "PL_LOCATION"], StringComparer.Ordinal);

    public async Task<Handled<Ssda903ValidationView>> ValidateAsync(string? yearText, CancellationToken cancellationToken)
    {
        if (!await access.MayUseAsync(cancellationToken))
        {
            return ReturnsAccessHandler.Refused;
        }

        if (ReturnsAccessHandler.ParseYear(yearText, out var year) is { } invalid)
        {
            return invalid;
        }

        var built = await record.BuildAsync(user.AreaId, year, cancellationToken);
        var failures = Ssda903Validation.Validate(built.Return);
        var named = failures.Select(f => f.ChildId).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(c => built.People.TryGetValue(c, out var p) ? p : (PersonId?)null).OfType<PersonId>().ToList();
        var visible = await records.VisiblePeopleAsync(cancellationToken);
        var mayOpen = named.Where(p => visible is null || visible.Contains(p)).ToHashSet();
        var open = mayOpen.ToList();
        var names = await db.People.AsNoTracking().Where(p => open.Contains(p.Id)).Select(p => new { p.Id, p.GivenName, p.FamilyName })
            .ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}", cancellationToken);

        var views = failures.Select(f =>
        {
            PersonId? person = f.ChildId is { } c && built.People.TryGetValue(c, out var p) ? p : null;
            var shown = person is { } id && mayOpen.Contains(id) && names.ContainsKey(id);
            return new Ssda903FailureView(f.ChildId, person?.Value, shown ? names[person!.Value] : null,
                shown ? LinkFor(person!.Value, f) : null, f.RuleCode, f.Message, f.AffectedFields);
        }).ToList();
        var byRule = failures.GroupBy(f => f.RuleCode, StringComparer.Ordinal)
            .Select(g => new RuleCount(g.Key, g.First().Message, g.Count())).OrderByDescending(r => r.Failures)
            .ThenBy(r => r.RuleCode, StringComparer.Ordinal).ToList();

        foreach (var person in mayOpen)
        {
            audit.Record(AuditAction, person, "person", person.Value, "allowed", $"{year.Label}: named in a failure");
        }

        audit.Record(AuditAction, null, "ssda903", null, detail:
            $"{year.Label}: {failures.Count} failures, {byRule.Count} rules, {named.Count} children; {built.RowCounts}");
        await db.SaveChangesAsync(cancellationToken);
        return new Ssda903ValidationView(year.Label, built.Return[Ssda903Layout.Header].Count, failures.Count, byRule, views);
    }

    /// <summary>Where the failure is fixed, from the fields and tables the rule names.</summary>
    public static string LinkFor(PersonId person, RuleFailure failure)
    {
        var root = $"/people/{person.Value}";
        var fields = failure.AffectedFields;
        if (fields.Any(PlacementFields.Contains))
        {
            return $"{root}/placements";
        }

        if (fields.Any(LegalStatusFields.Contains))
        {
            return $"{root}/legal-status";
        }

        if (fields.Any(f => f.StartsWith("REVIEW", StringComparison.Ordinal)))
        {
            return $"{root}/meetings";
        }

        return fields.Any(f => f.StartsWith("MIS", StringComparison.Ordinal)) ? $"{root}/missing-episodes" : root;
    }
}

public sealed class ValidateSsda903Endpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/returns/ssda903/{year}/validation", GetAsync)
            .WithName("ValidateSsda903")
            .WithSummary("Runs the DfE's SSDA903 rules for the year on the return built from the record: each failure with the child, the "
                         + "rule code, the message and the page where it is fixed, and a count by rule code. Safeguarding leads in children's "
                         + "social care only.")
            .WithTags("Returns");
    }

    private static async Task<Results<Ok<Ssda903ValidationView>, ValidationProblem, ProblemHttpResult, NotFound>> GetAsync(string year,
        ValidateSsda903Handler handler, CancellationToken cancellationToken) =>
        (await handler.ValidateAsync(year, cancellationToken)).ToApiResult();
}
