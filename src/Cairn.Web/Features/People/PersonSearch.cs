using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Domain.Places;
using Cairn.Domain.Search;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.People;

/// <summary>What to look for: any combination, at least one. Each term is evidence, not a filter.</summary>
public sealed record FindPersonQuery(string? Name, DateOnly? DateOfBirth, string? NhsNumber, string? Postcode, Sex? Sex = null)
{
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Name) && DateOfBirth is null && string.IsNullOrWhiteSpace(NhsNumber) && string.IsNullOrWhiteSpace(Postcode);
}

/// <summary>
/// One person found, with just enough to tell people apart and nothing more, their rank (1 is the best match), the
/// match score and the reasons for it ("date of birth: day and month swapped", "nickname of Elizabeth").
/// </summary>
public sealed record FoundPerson(PersonId Id, string Name, PersonKind Kind, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string? NhsNumber,
    string? Postcode, int Rank, double Score, IReadOnlyList<string> Reasons);

public sealed record FoundPeople(IReadOnlyList<FoundPerson> People, bool MoreNotShown);

/// <summary>
/// Person search, shared by the FindPerson screen and API and by the family slices that offer people to link: only
/// people the professional may open are found.
/// </summary>
public sealed class FindPersonHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, PersonMatching matching)
{
    public const int MaxResults = 50;

    public const string InvalidDateOfBirth = "Date of birth must be a real date, like 2019-03-14";

    /// <summary>
    /// Ranks the people the professional may open by how well they match the terms given (see <see cref="PersonMatcher"/>):
    /// names whatever the case, accents, slips, sound-alike spellings or nicknames; a date of birth one slip out; the same
    /// NHS number (decisive) or postcode. People below <see cref="PersonMatcher.Threshold"/> are not shown.
    /// </summary>
    public async Task<Handled<FoundPeople>> HandleAsync(FindPersonQuery query, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return Refusal.Of("Name", "Enter a name, date of birth, NHS number or postcode");
        }

        var errors = new List<FieldError>();
        string? nhsNumber = null;
        if (!string.IsNullOrWhiteSpace(query.NhsNumber))
        {
            if (NhsNumber.TryParse(query.NhsNumber, out var parsed, out var error))
            {
                nhsNumber = parsed.Value;
            }
            else
            {
                errors.Add(new("NhsNumber", error ?? "Enter a valid NHS number"));
            }
        }

        string? postcode = null;
        if (!string.IsNullOrWhiteSpace(query.Postcode))
        {
            if (Postcode.TryParse(query.Postcode, out var parsed, out var error))
            {
                postcode = parsed.ToString();
            }
            else
            {
                errors.Add(new("Postcode", error ?? "Enter a real postcode, like SW1A 1AA"));
            }
        }

        var match = MatchQuery.FreeText(query.Name, query.DateOfBirth, nhsNumber, postcode, query.Sex);
        if (!string.IsNullOrWhiteSpace(query.Name) && match.Words.Count == 0)
        {
            errors.Add(new("Name", "Enter a name using letters"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            audit.Record("person.search", null, outcome: "refused", detail: "invalid search terms");
            await db.SaveChangesAsync(cancellationToken);
            return refusal;
        }

        // Need-to-know: people the professional is involved with, or for area-wide reach the professional's area. Applied
        // to the candidates before anything about them is weighed, on every path.
        var candidates = await matching.CandidatesAsync(match, cancellationToken);
        var visible = await access.VisiblePeopleAsync(cancellationToken);
        var area = user.AreaId;
        var threshold = PersonMatcher.Threshold(match);
        var found = (await matching.RankAsync(match, candidates, p => visible?.Contains(p.Id) ?? p.AreaId == area, cancellationToken))
            .Where(r => r.Match.Score >= threshold || r.Match.SameNhsNumber)
            .Take(MaxResults + 1)
            .ToList();

        var shown = found.Take(MaxResults).ToList();

        // The terms are names and identifiers: the audit keeps only that a search happened and how many it found.
        audit.Record("person.search", null, outcome: "succeeded", detail: $"results={shown.Count}{(found.Count > MaxResults ? "+" : "")}");
        await db.SaveChangesAsync(cancellationToken);

        var results = shown.Select((r, i) => new FoundPerson(r.Person.Id, r.Person.FullName, r.Person.Kind, r.Person.DateOfBirth,
            r.Person.ExpectedDateOfBirth, r.Person.NhsNumber, r.Postcode, i + 1, r.Match.Score, r.Match.Reasons)).ToList();
        return new FoundPeople(results, found.Count > MaxResults);
    }
}
