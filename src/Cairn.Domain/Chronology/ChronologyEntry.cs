using Cairn.Domain.Agencies;

namespace Cairn.Domain.Chronology;

/// <summary>
/// One event in the multi-agency chronology, recorded by one professional for their agency and
/// concerning one or more people. An incident in a household concerns every child in it.
/// Nothing is deleted: <see cref="Amend"/> keeps the previous content as a revision with a reason.
/// </summary>
public sealed class ChronologyEntry
{
    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this entry");

    private readonly List<ChronologySubject> _subjects = [];
    private readonly List<ChronologyRevision> _revisions = [];

    private ChronologyEntry()
    {
        Content = null!;
    }

    public ChronologyEntryId Id { get; private set; }
    public AgencyId AgencyId { get; private set; }
    public AgencyKind AgencyKind { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public ChronologyContent Content { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<ChronologySubject> Subjects => _subjects;
    public IReadOnlyList<ChronologyRevision> Revisions => _revisions;

    /// <param name="subjects">Each person the entry concerns, with whether they are a child.</param>
    public static Outcome<ChronologyEntry> Record(ChronologyContent content, IReadOnlyCollection<(PersonId Person, bool IsChild)> subjects,
        AgencyId agency, AgencyKind agencyKind, ProfessionalId by, DateTimeOffset now)
    {
        if (subjects.Count == 0)
        {
            return Refusal.Of("Subjects", "Select at least one person this entry is about");
        }

        var refusal = content.Validate(subjects.Any(s => s.IsChild), now);
        if (refusal is not null)
        {
            return refusal;
        }

        var entry = new ChronologyEntry
        {
            Id = ChronologyEntryId.New(),
            AgencyId = agency,
            AgencyKind = agencyKind,
            RecordedBy = by,
            RecordedAt = now,
            Content = Trimmed(content),
            Version = 1,
        };
        foreach (var person in subjects.Select(s => s.Person).Distinct())
        {
            entry._subjects.Add(ChronologySubject.For(entry, person));
        }

        return Outcome<ChronologyEntry>.Success(entry);
    }

    /// <summary>
    /// Who may correct an entry: the professional who recorded it, or a team manager in the same agency
    /// (for a worker who has left). Everyone else adds a new entry instead.
    /// </summary>
    public bool MayBeAmendedBy(ProfessionalId professional, AgencyId agency, Role roles) =>
        professional == RecordedBy || (agency == AgencyId && (roles & Role.TeamManager) == Role.TeamManager);

    public const string OnlyRecorderMayAmend =
        "Only the professional who recorded this entry, or a manager in their agency, can amend it. Add a new entry to record what you know.";

    /// <summary>Corrects the entry. The original content stays in the history with the reason and who changed it.</summary>
    public Outcome<ChronologyRevision> Amend(ChronologyContent content, int expectedVersion, string reason, bool concernsAChild,
        ProfessionalId by, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Of("Reason", "Enter the reason for the amendment");
        }

        var refusal = content.Validate(concernsAChild, now);
        if (refusal is not null)
        {
            return refusal;
        }

        var revision = new ChronologyRevision(Id, Version, Content, reason.Trim(), by, now);
        _revisions.Add(revision);
        Content = Trimmed(content);
        Version++;
        foreach (var subject in _subjects)
        {
            subject.Refresh(this);
        }

        return Outcome<ChronologyRevision>.Success(revision);
    }

    private static ChronologyContent Trimmed(ChronologyContent c) => c with
    {
        Summary = c.Summary.Trim(),
        Detail = string.IsNullOrWhiteSpace(c.Detail) ? null : c.Detail.Trim(),
        Voice = c.Voice is null || c.Voice.IsEmpty ? null : new VoiceOfChild(
            Blank(c.Voice.ChildsWords), Blank(c.Voice.HowGathered), Blank(c.Voice.WhyNotGathered)),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// Links an entry to one person it concerns. Carries copies of the fields the chronology filters on so a
/// child's page reads one index range, however many entries the area holds.
/// </summary>
public sealed class ChronologySubject
{
    private ChronologySubject()
    {
    }

    public ChronologyEntryId EntryId { get; private set; }
    public PersonId PersonId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Significance Significance { get; private set; }
    public ChronologyCategory Category { get; private set; }
    public AgencyId AgencyId { get; private set; }
    /// <summary>Copied so the concern rules read a child's facts from this index alone.</summary>
    public Concerns.ConcernTheme Concerns { get; private set; }
    public ContactMode? ContactMode { get; private set; }
    public AppointmentOutcome? AppointmentOutcome { get; private set; }

    internal static ChronologySubject For(ChronologyEntry entry, PersonId person)
    {
        var subject = new ChronologySubject { EntryId = entry.Id, PersonId = person };
        subject.Refresh(entry);
        return subject;
    }

    internal void Refresh(ChronologyEntry entry)
    {
        OccurredAt = entry.Content.OccurredAt;
        Significance = entry.Content.Significance;
        Category = entry.Content.Category;
        AgencyId = entry.AgencyId;
        Concerns = entry.Content.Concerns;
        ContactMode = entry.Content.ContactMode;
        AppointmentOutcome = entry.Content.AppointmentOutcome;
    }
}

/// <summary>What an entry said before an amendment, and who changed it, when and why.</summary>
public sealed record ChronologyRevision(ChronologyEntryId EntryId, int Version, ChronologyContent Before, string Reason,
    ProfessionalId AmendedBy, DateTimeOffset AmendedAt)
{
    // For EF Core: the complex "Before" cannot be bound through the positional constructor.
    private ChronologyRevision()
        : this(default, 0, null!, "", default, default)
    {
    }

    public long Id { get; init; }
}
