using Cairn.Domain.Places;

namespace Cairn.Domain.People;

/// <summary>
/// Where one person has lived. A move records the new address and closes the one they are leaving on the
/// day before, so the history has no gaps or overlaps and nothing is overwritten (L44).
/// </summary>
public sealed class AddressHistory
{
    /// <summary>The message for a stale view of the addresses, also used when the database catches the race.</summary>
    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this person's addresses");

    private readonly PersonId _person;
    private readonly List<PersonAddress> _addresses;

    public AddressHistory(PersonId person, IEnumerable<PersonAddress> addresses)
    {
        _person = person;
        _addresses = addresses.Where(a => a.PersonId == person).ToList();
    }

    public IReadOnlyList<PersonAddress> Addresses => _addresses;

    /// <summary>The address they live at now: the latest one not yet closed.</summary>
    public PersonAddress? Current => _addresses.Where(a => a.To is null).OrderByDescending(a => a.From).FirstOrDefault();

    /// <summary>
    /// Records a move to a new address from a date. The mover says which address they saw as current
    /// (none, or its id and version); if that is no longer so, the move is refused rather than closing an
    /// address they have not seen. The postcode must be in the postcode directory (<paramref name="location"/>)
    /// so the address resolves to a local authority.
    /// </summary>
    public Outcome<PersonAddress> MoveTo(string line1, string? line2, string? town, string postcode, DateOnly? from,
        PostcodeLocation? location, AddressId? seenCurrent, int? seenVersion, DateOnly today)
    {
        var current = Current;
        if (current?.Id != seenCurrent || (current is not null && current.Version != seenVersion))
        {
            return Stale;
        }

        var outcome = PersonAddress.Record(_person, line1, line2, town, postcode, from ?? today, location);
        var errors = new List<FieldError>(outcome.Refusal?.Errors ?? []);
        if (Postcode.TryParse(postcode, out var parsed, out _) && location is null)
        {
            errors.Add(new("Postcode",
                $"{parsed} is not in the postcode directory. Check the postcode; if it is new, ask an administrator to load the latest directory"));
        }

        var open = _addresses.Where(a => a.To is null).ToList();
        if (from is null)
        {
            errors.Add(new("From", "Enter the date they moved in"));
        }
        else if (from > today)
        {
            errors.Add(new("From", "The date they moved in must be today or in the past"));
        }
        else if (open.Any(a => from <= a.From))
        {
            errors.Add(new("From", "The date they moved in must be after the date they moved into their current address"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        foreach (var leaving in open)
        {
            leaving.Close(from!.Value.AddDays(-1));
        }

        var address = outcome.Value!;
        _addresses.Add(address);
        return Outcome<PersonAddress>.Success(address);
    }
}
