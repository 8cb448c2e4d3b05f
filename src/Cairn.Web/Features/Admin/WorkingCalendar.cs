namespace Cairn.Web.Features.Admin;

/// <summary>A bank holiday the clocks use; <see cref="Adjustment"/> when it was recorded here rather than worked out by the rules.</summary>
public sealed record CalendarDay(DateOnly Date, string Name, bool Adjustment);
