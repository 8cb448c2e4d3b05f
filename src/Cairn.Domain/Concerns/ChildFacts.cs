using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.FrontDoor;

namespace Cairn.Domain.Concerns;

/// <summary>
/// What the concern rules know about one child: plain data, loaded in bulk from the chronology, household and
/// front-door tables. Nothing here is a name or a narrative, so nothing a rule says can leak one.
/// </summary>
/// <param name="DateOfBirth">Null when not known; the age rules then do not fire.</param>
/// <param name="HasComplexNeeds">A current diagnosis, EHCP or other recorded complex need (L09).</param>
/// <param name="ElectivelyHomeEducated">Currently electively home educated (L50).</param>
/// <param name="Entries">Chronology entries about the child, or about anyone in the child's current household; in any order, each once.</param>
/// <param name="Contacts">Front-door contacts about the child, in any order.</param>
public sealed record ChildFacts(
    PersonId Child,
    DateOnly? DateOfBirth,
    bool HasComplexNeeds,
    bool ElectivelyHomeEducated,
    IReadOnlyList<FactEntry> Entries,
    IReadOnlyList<ContactFact> Contacts);

/// <summary>One chronology entry as the rules see it.</summary>
/// <param name="AboutThisChild">The child is a subject of the entry; false when it is only about someone in their household.</param>
/// <param name="Mode">How the contact happened, when the entry is a contact with someone.</param>
/// <param name="Outcome">The outcome, when the entry is an appointment.</param>
/// <param name="Concerns">The themes the recorder saw cause for concern about.</param>
public sealed record FactEntry(
    ChronologyEntryId Id,
    bool AboutThisChild,
    AgencyId Agency,
    AgencyKind AgencyKind,
    DateTimeOffset OccurredAt,
    ChronologyCategory Category,
    Significance Significance,
    ContactMode? Mode,
    AppointmentOutcome? Outcome,
    ConcernTheme Concerns);

/// <summary>One front-door contact about the child, with the decision if one has been made.</summary>
public sealed record ContactFact(ContactId Id, DateTimeOffset ReceivedAt, TriageOutcome? Outcome, DateTimeOffset? DecidedAt);
