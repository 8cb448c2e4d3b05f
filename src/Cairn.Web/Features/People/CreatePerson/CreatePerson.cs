using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.People;
using Cairn.Domain.Search;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.People.CreatePerson;

/// <summary>A new child or adult record. A child's creator says how they are involved, so they can open what they made.</summary>
public sealed record CreatePersonCommand
{
    [Required]
    public PersonKind? Kind { get; init; }

    [StringLength(PersonDetails.MaxNameLength)]
    public string? GivenName { get; init; }

    [Required]
    [StringLength(PersonDetails.MaxNameLength)]
    public string? FamilyName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary>For an unborn child, instead of a date of birth.</summary>
    public DateOnly? ExpectedDateOfBirth { get; init; }

    public Sex? Sex { get; init; }

    [StringLength(4)]
    public string? EthnicityCode { get; init; }

    [StringLength(20)]
    public string? NhsNumber { get; init; }

    [StringLength(20)]
    public string? Upn { get; init; }

    [StringLength(100)]
    public string? FirstLanguage { get; init; }

    public bool InterpreterNeeded { get; init; }

    /// <summary>The creator's role with a child; they become part of the team around the child.</summary>
    public InvolvementRole? Role { get; init; }

    /// <summary>The creator has looked at the possible matches and this is a different person.</summary>
    public bool ConfirmedNotDuplicate { get; init; }

    /// <summary>Why this is a different person from the possible matches: needed to create it anyway, and kept on the record.</summary>
    [StringLength(Person.MaxNotDuplicateReasonLength)]
    public string? NotDuplicateReason { get; init; }
}

/// <summary>An existing record that may be the same person, which the creator may open, with the reasons it matched.</summary>
public sealed record PossibleMatch(PersonId Id, string Name, PersonKind Kind, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, double Score,
    IReadOnlyList<string> Reasons);

/// <summary>
/// Records that may be the same person. Ones the creator may not open are only counted: their names and
/// details stay hidden, and the creator is sent to the front door instead.
/// </summary>
public sealed record PossibleDuplicates(IReadOnlyList<PossibleMatch> Visible, int Hidden);

/// <summary>
/// What creating a person did: exactly one of the new record's id, or possible duplicates to check first (with
/// <paramref name="ReasonMissing"/> when the creator confirmed a different person but gave no reason).
/// </summary>
public sealed record CreatePersonResult(PersonId? Created, PossibleDuplicates? Duplicates, bool ReasonMissing = false);

public sealed record CreatedPerson(PersonId Id);

/// <summary>
/// Creates a child or adult record, unless it looks like someone who already has one and the creator has not said it is a
/// different person. A child's creator joins the team around the child, as its lead professional.
/// </summary>
public sealed class CreatePersonHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    PersonMatching matching)
{
    public async Task<Handled<CreatePersonResult>> HandleAsync(CreatePersonCommand command, CancellationToken cancellationToken)
    {
        if (command.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Refusal.Of("Kind", "Select whether this is a child or an adult");
        }

        var now = clock.GetUtcNow();
        var today = clock.Today();
        var details = new PersonDetails(kind, command.GivenName ?? "", command.FamilyName ?? "", command.DateOfBirth,
            kind == PersonKind.Child ? command.ExpectedDateOfBirth : null, command.Sex ?? Sex.Unknown, command.EthnicityCode,
            command.NhsNumber, command.Upn, command.FirstLanguage, command.InterpreterNeeded);
        var errors = new List<FieldError>(details.Validate(today)?.Errors ?? []);
        if (kind == PersonKind.Child && (command.Role is not { } role || !Enum.IsDefined(role)))
        {
            errors.Add(new("Role", "Select your role with the child"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        // The same matcher as person search, run before the record can be made; creating anyway needs a reason.
        var duplicates = await PossibleDuplicatesAsync(details, cancellationToken);
        var reasonGiven = !string.IsNullOrWhiteSpace(command.NotDuplicateReason);
        if (duplicates is not null && !(command.ConfirmedNotDuplicate && reasonGiven))
        {
            return new CreatePersonResult(null, duplicates, ReasonMissing: command.ConfirmedNotDuplicate);
        }

        var outcome = Person.Create(details, user.AreaId, user.ProfessionalId, now);
        if (outcome.Refusal is { } refused)
        {
            return refused;
        }

        var person = outcome.Value!;
        if (duplicates is not null && person.RecordNotADuplicate(command.NotDuplicateReason) is { } badReason)
        {
            return badReason;
        }

        db.People.Add(person);
        db.PersonSearchKeys.AddRange(PersonSearchIndex.KeysFor(person));
        if (kind == PersonKind.Child)
        {
            // The first involvement with a new child makes its creator the lead professional.
            var team = new TeamAroundChild(person.Id, []);
            var involvement = team.Add(user.ProfessionalId, user.AgencyId, command.Role!.Value, today, true, user.ProfessionalId, today);
            if (involvement.Refusal is { } notAdded)
            {
                return notAdded;
            }

            db.Involvements.Add(involvement.Value!);
        }

        audit.Record("person.create", person.Id, "person", person.Id.Value,
            detail: duplicates is not null ? "confirmed not a duplicate" : null);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatePersonResult(person.Id, null);
    }

    /// <summary>
    /// Likely matches by <see cref="PersonMatcher"/>: the same NHS number anywhere, or a score of at least
    /// <see cref="PersonMatcher.DuplicateScore"/> (about a full name and a date of birth, one slip allowed in either) in the
    /// creator's area. Matches the creator may not open are counted, never named or described.
    /// </summary>
    private async Task<PossibleDuplicates?> PossibleDuplicatesAsync(PersonDetails details, CancellationToken cancellationToken)
    {
        var nhs = string.IsNullOrWhiteSpace(details.NhsNumber) ? null : NhsNumber.Parse(details.NhsNumber).Value;
        var query = MatchQuery.Structured(details.GivenName, details.FamilyName, details.DateOfBirth ?? details.ExpectedDateOfBirth, nhs, null,
            details.Sex);
        var area = user.AreaId;
        var candidates = await matching.CandidatesAsync(query, cancellationToken);
        var matches = (await matching.RankAsync(query, candidates, p => p.AreaId == area || (nhs is not null && p.NhsNumber == nhs),
                cancellationToken))
            .Where(r => r.Match.SameNhsNumber || r.Match.Score >= PersonMatcher.DuplicateScore)
            .ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        var visible = await access.VisiblePeopleAsync(cancellationToken);
        var shown = matches.Where(m => visible?.Contains(m.Person.Id) ?? m.Person.AreaId == area)
            .Select(m => new PossibleMatch(m.Person.Id, m.Person.FullName, m.Person.Kind, m.Person.DateOfBirth, m.Person.ExpectedDateOfBirth,
                m.Match.Score, m.Match.Reasons))
            .ToList();
        return new PossibleDuplicates(shown, matches.Count - shown.Count);
    }
}
