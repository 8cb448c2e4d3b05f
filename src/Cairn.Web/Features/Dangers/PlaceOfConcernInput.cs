using System.ComponentModel.DataAnnotations;
using Cairn.Domain.Placements;

namespace Cairn.Web.Features.Dangers;

/// <summary>The place-of-concern form's fields (the child's dangers page and the area's places page), sent to the handler the API uses.</summary>
public sealed class PlaceOfConcernInput
{
    public string? Name { get; set; }

    public string? Postcode { get; set; }

    public RiskKind? Kind { get; set; }

    public string? Risk { get; set; }

    [Display(Name = "Date the concern applies from")]
    public DateOnly? From { get; set; }

    [Display(Name = "Date the concern ended")]
    public DateOnly? To { get; set; }

    /// <summary>The kinds of risk as radio items.</summary>
    public static IEnumerable<(string Value, string Text)> Kinds => Enum.GetValues<RiskKind>().Select(k => (k.ToString(), PlacementWords.Of(k)));
}
