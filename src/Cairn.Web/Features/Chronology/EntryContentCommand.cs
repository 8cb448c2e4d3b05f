using System.ComponentModel.DataAnnotations;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Chronology;

/// <summary>What a chronology entry says, as a professional enters it: for a new entry and for an amendment.</summary>
public abstract record EntryContentCommand
{
    [Required]
    public DateTimeOffset? OccurredAt { get; init; }

    [Required]
    public ChronologyCategory? Category { get; init; }

    [Required]
    public Significance? Significance { get; init; }

    public ContactMode? ContactMode { get; init; }
    public AppointmentOutcome? AppointmentOutcome { get; init; }

    [Required]
    [StringLength(ChronologyContent.MaxSummaryLength)]
    public string? Summary { get; init; }

    [StringLength(ChronologyContent.MaxDetailLength)]
    public string? Detail { get; init; }

    /// <summary>The causes for concern this event shows, if any.</summary>
    public IReadOnlyList<ConcernTheme>? Concerns { get; init; }

    [StringLength(8000)]
    public string? ChildsWords { get; init; }

    [StringLength(2000)]
    public string? HowGathered { get; init; }

    [StringLength(2000)]
    public string? WhyNotGathered { get; init; }

    /// <summary>The content for the domain to check; missing required values become values it refuses with a named error.</summary>
    public ChronologyContent ToContent()
    {
        var voice = new VoiceOfChild(ChildsWords, HowGathered, WhyNotGathered);
        return new ChronologyContent(
            OccurredAt ?? DateTimeOffset.MinValue,
            Category ?? default,
            Significance ?? default,
            ContactMode,
            AppointmentOutcome,
            Summary ?? "",
            Detail,
            voice.IsEmpty ? null : voice)
        {
            Concerns = (Concerns ?? []).Aggregate(ConcernTheme.None, (all, one) => all | one),
        };
    }
}

/// <summary>The same fields as a page form binds them: the time is entered in London time.</summary>
public class EntryContentInput
{
    [Display(Name = "Date and time it happened")]
    public DateTime? OccurredAt { get; set; }
    public ChronologyCategory? Category { get; set; }
    public Significance? Significance { get; set; } = Domain.Chronology.Significance.Routine;
    public ContactMode? ContactMode { get; set; }
    public AppointmentOutcome? AppointmentOutcome { get; set; }
    public string? Summary { get; set; }
    public string? Detail { get; set; }
    public string? ChildsWords { get; set; }
    public string? HowGathered { get; set; }
    public string? WhyNotGathered { get; set; }
    public List<ConcernTheme> Concerns { get; set; } = [];

    public T Fill<T>(T command)
        where T : EntryContentCommand => command with
        {
            OccurredAt = OccurredAt is { } local ? Clock.FromLondon(local) : null,
            Category = Category,
            Significance = Significance,
            ContactMode = ContactMode,
            AppointmentOutcome = AppointmentOutcome,
            Summary = Summary,
            Detail = Detail,
            ChildsWords = ChildsWords,
            HowGathered = HowGathered,
            WhyNotGathered = WhyNotGathered,
            Concerns = Concerns,
        };

    public void From(ChronologyContent content)
    {
        OccurredAt = content.OccurredAt.ToLondon().DateTime;
        Category = content.Category;
        Significance = content.Significance;
        ContactMode = content.ContactMode;
        AppointmentOutcome = content.AppointmentOutcome;
        Summary = content.Summary;
        Detail = content.Detail;
        ChildsWords = content.Voice?.ChildsWords;
        HowGathered = content.Voice?.HowGathered;
        WhyNotGathered = content.Voice?.WhyNotGathered;
        Concerns = [.. Enum.GetValues<ConcernTheme>().Where(t => t != ConcernTheme.None && content.Concerns.HasFlag(t))];
    }
}

/// <summary>Hints the entry forms share.</summary>
public static class EntryHints
{
    public const string Concerns = "Tick any you saw, however minor. Concerns from different agencies are added up so that a pattern is seen "
                                   + "even when no single event meets the threshold.";
}
