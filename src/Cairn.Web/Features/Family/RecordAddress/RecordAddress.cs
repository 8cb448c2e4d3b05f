using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Domain.Places;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Family.RecordAddress;

/// <summary>
/// A move to a new address from a date. <see cref="CurrentAddressId"/> and <see cref="Version"/> are the
/// current address as the mover saw it (both left out when they saw none): it is closed the day before.
/// </summary>
public sealed record RecordAddressCommand
{
    [StringLength(PersonAddress.MaxLineLength, ErrorMessage = "Each line of the address must be {1} characters or fewer")]
    public string? Line1 { get; init; }

    [StringLength(PersonAddress.MaxLineLength, ErrorMessage = "Each line of the address must be {1} characters or fewer")]
    public string? Line2 { get; init; }

    [StringLength(PersonAddress.MaxLineLength, ErrorMessage = "Each line of the address must be {1} characters or fewer")]
    public string? Town { get; init; }

    [StringLength(20, ErrorMessage = "Enter a real postcode, like SW1A 1AA")]
    public string? Postcode { get; init; }

    public DateOnly? From { get; init; }

    public Guid? CurrentAddressId { get; init; }

    public int? Version { get; init; }
}

public sealed record RecordedAddress
{
    public required AddressId Id { get; init; }
    public required PersonId PersonId { get; init; }
    public required string Postcode { get; init; }
    public string? LocalAuthorityCode { get; init; }
    public string? LocalAuthority { get; init; }
    public int? Easting { get; init; }
    public int? Northing { get; init; }
    public required DateOnly From { get; init; }
    /// <summary>The addresses the move closed: the one they left.</summary>
    public required IReadOnlyList<AddressId> Closed { get; init; }
}

public sealed record CurrentAddress(AddressId Id, string Line1, string? Line2, string? Town, string Postcode, DateOnly From, int Version);

/// <summary>What the move form shows: the address the person lives at now, which the move will close (null when none).</summary>
public sealed record AddressForm(CurrentAddress? Current);

/// <summary>
/// Records a move to a new address. The postcode is normalised and looked up in the postcode directory for its
/// local authority and grid reference; one that is not there is refused. Nothing is overwritten: the address
/// they left is closed with a date.
/// </summary>
public sealed class RecordAddressHandler(CairnDbContext db, RecordAccessService access, AuditLog audit, TimeProvider clock)
{
    /// <returns>Not found when the person does not exist or the professional may not see them.</returns>
    public async Task<Handled<RecordedAddress>> HandleAsync(PersonId personId, RecordAddressCommand command, CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(personId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        // The address itself is never audited: only that a move was refused, and which fields.
        return await MoveAsync(personId, command, cancellationToken).AuditRefusalAsync(audit, "address.record", personId, "address", null,
            cancellationToken);
    }

    private async Task<Handled<RecordedAddress>> MoveAsync(PersonId personId, RecordAddressCommand command, CancellationToken cancellationToken)
    {
        PostcodeLocation? location = null;
        if (Postcode.TryParse(command.Postcode, out var postcode, out _))
        {
            location = await PostcodeImporter.LocateAsync(db, postcode, cancellationToken);
        }

        var history = new AddressHistory(personId, await db.Addresses.Where(a => a.PersonId == personId).ToListAsync(cancellationToken));
        var open = history.Addresses.Where(a => a.To is null).ToList();
        var outcome = history.MoveTo(command.Line1 ?? "", command.Line2, command.Town, command.Postcode ?? "", command.From, location,
            command.CurrentAddressId is { } seen ? new AddressId(seen) : null, command.Version, clock.Today());
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var address = outcome.Value!;
        db.Addresses.Add(address);
        audit.Record("address.record", personId, "address", address.Id.Value);
        foreach (var closed in open)
        {
            audit.Record("address.close", personId, "address", closed.Id.Value);
        }

        // Someone else moved the person between our read and our write; nothing is kept.
        if (await db.SaveOrConflictAsync(AddressHistory.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        var authority = await db.LocalAuthorities.AsNoTracking().Where(la => la.Code == address.LocalAuthorityCode)
            .Select(la => la.UpperTierName).FirstOrDefaultAsync(cancellationToken);
        return new RecordedAddress
        {
            Id = address.Id,
            PersonId = personId,
            Postcode = address.Postcode,
            LocalAuthorityCode = address.LocalAuthorityCode,
            LocalAuthority = authority,
            Easting = address.Easting,
            Northing = address.Northing,
            From = address.From,
            Closed = open.Select(a => a.Id).ToList(),
        };
    }

    /// <returns>Null when the person does not exist or the professional may not see them.</returns>
    public async Task<AddressForm?> FormAsync(PersonId personId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(personId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("address.view", personId, decision.Reason.ToString(), cancellationToken);
        var history = new AddressHistory(personId,
            await db.Addresses.AsNoTracking().Where(a => a.PersonId == personId).ToListAsync(cancellationToken));
        return new AddressForm(history.Current is { } a ? new CurrentAddress(a.Id, a.Line1, a.Line2, a.Town, a.Postcode, a.From, a.Version) : null);
    }
}
