using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.People;
using Cairn.Domain.Search;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

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
}

/// <summary>An existing record that may be the same person, which the creator may open.</summary>
public sealed record PossibleMatch(PersonId Id, string Name, PersonKind Kind, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth);

/// <summary>
/// Records that may be the same person. Ones the creator may not open are only counted: their names and
/// details stay hidden, and the creator is sent to the front door instead.
/// </summary>
public sealed record PossibleDuplicates(IReadOnlyList<PossibleMatch> Visible, int Hidden);

/// <summary>What creating a person did: exactly one of the new record's id, or possible duplicates to check first.</summary>
public sealed record CreatePersonResult(PersonId? Created, PossibleDuplicates? Duplicates);

public sealed record CreatedPerson(PersonId Id);

/// <summary>
/// Creates a child or adult record, unless it looks like someone who already has one and the creator has not said it is a
/// different person. A child's creator joins the team around the child, as its lead professional.
/// </summary>
public sealed class CreatePersonHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
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

        if (!command.ConfirmedNotDuplicate && await PossibleDuplicatesAsync(details, cancellationToken) is { } duplicates)
        {
            return new CreatePersonResult(null, duplicates);
        }

        var outcome = Person.Create(details, user.AreaId, user.ProfessionalId, now);
        if (outcome.Refusal is { } refused)
        {
            return refused;
        }

        var person = outcome.Value!;
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
            detail: command.ConfirmedNotDuplicate ? "confirmed not a duplicate" : null);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatePersonResult(person.Id, null);
    }

    /// <summary>
    /// Records with the same NHS number anywhere, or probably the same name and date of birth in the creator's
    /// area. Each is an indexed lookup (NHS number, date of birth); names are compared in memory.
    /// </summary>
    private async Task<PossibleDuplicates?> PossibleDuplicatesAsync(PersonDetails details, CancellationToken cancellationToken)
    {
        var matches = new Dictionary<PersonId, PossibleMatch>();
        if (!string.IsNullOrWhiteSpace(details.NhsNumber))
        {
            var nhs = NhsNumber.Parse(details.NhsNumber).Value;
            var sameNhs = await db.People.Where(p => p.NhsNumber == nhs)
                .Select(p => new PossibleMatch(p.Id, p.GivenName + " " + p.FamilyName, p.Kind, p.DateOfBirth, p.ExpectedDateOfBirth))
                .ToListAsync(cancellationToken);
            foreach (var match in sameNhs)
            {
                matches[match.Id] = match;
            }
        }

        var area = user.AreaId;
        if (details.DateOfBirth is { } dob)
        {
            var sameDob = await db.People.Where(p => p.AreaId == area && p.DateOfBirth == dob)
                .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Kind, p.DateOfBirth, p.ExpectedDateOfBirth })
                .ToListAsync(cancellationToken);
            var similar = sameDob.Where(p =>
                SimilarPerson.ProbablySame(details.GivenName, details.FamilyName, dob, p.GivenName, p.FamilyName, p.DateOfBirth));
            foreach (var p in similar)
            {
                matches[p.Id] = new PossibleMatch(p.Id, $"{p.GivenName} {p.FamilyName}", p.Kind, p.DateOfBirth, p.ExpectedDateOfBirth);
            }
        }
        else if (details.ExpectedDateOfBirth is { } due)
        {
            var sameDue = await db.People.Where(p => p.AreaId == area && p.ExpectedDateOfBirth == due)
                .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Kind, p.DateOfBirth, p.ExpectedDateOfBirth })
                .ToListAsync(cancellationToken);
            var similar = sameDue.Where(p =>
                SimilarPerson.ProbablySame(details.GivenName, details.FamilyName, due, p.GivenName, p.FamilyName, p.ExpectedDateOfBirth));
            foreach (var p in similar)
            {
                matches[p.Id] = new PossibleMatch(p.Id, $"{p.GivenName} {p.FamilyName}", p.Kind, p.DateOfBirth, p.ExpectedDateOfBirth);
            }
        }

        if (matches.Count == 0)
        {
            return null;
        }

        var visible = await access.VisiblePeopleAsync(cancellationToken);
        var ids = matches.Keys.ToList();
        var openable = visible is null
            ? (await db.People.Where(p => ids.Contains(p.Id) && p.AreaId == area).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet()
            : ids.Where(visible.Contains).ToHashSet();
        var shown = matches.Values.Where(m => openable.Contains(m.Id)).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new PossibleDuplicates(shown, matches.Count - shown.Count);
    }
}
