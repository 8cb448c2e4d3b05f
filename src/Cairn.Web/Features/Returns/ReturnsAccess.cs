using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Returns;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Returns;

/// <summary>
/// Who may make or check a statutory return (issue #19): it names every looked-after child in the area, so only someone whose
/// work already reaches every child in the area and who works for the local authority the return is from — a safeguarding lead
/// in children's social care. An administrator has no reach into children's records and may not; nor may a practitioner, a
/// team manager or a head of service. The README beside this file gives the reasons.
/// </summary>
public sealed class ReturnsAccessHandler(CairnDbContext db, CurrentUser user)
{
    public const string NotYours =
        "Only a safeguarding lead in children's social care may make or check the area's statutory returns: they name every looked-after child.";

    /// <summary>Whether the signed-in professional may export or validate the area's returns.</summary>
    public async Task<bool> MayUseAsync(CancellationToken cancellationToken) =>
        user.Has(Role.SafeguardingLead)
        && await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare, cancellationToken);

    public static Refusal Refused => Refusal.NotAllowed("Year", NotYours);

    /// <summary>Reads a collection year from the address or the form, refusing one with no rule catalogue.</summary>
    public static Refusal? ParseYear(string? text, out CollectionYear year)
    {
        if (!CollectionYear.TryParse(text, out year))
        {
            return Refusal.Of("Year", "Enter the collection year as the year it ends in, like 2026, or as 2025/26");
        }

        return Domain.Returns.Ssda903.Ssda903Validation.HasCatalogue(year)
            ? null
            : Refusal.Of("Year", $"Cairn has no SSDA903 rules for {year.Label}: choose one of {string.Join(", ", Years.Select(y => y.Label))}");
    }

    /// <summary>The collection years Cairn holds the 903 rules for, newest first.</summary>
    public static IReadOnlyList<CollectionYear> Years { get; } = Enumerable.Range(2020, 15).Select(CollectionYear.Ending)
        .Where(Domain.Returns.Ssda903.Ssda903Validation.HasCatalogue).OrderDescending().ToList();
}
