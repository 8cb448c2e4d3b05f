using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Missing;

/// <summary>Where the child went missing from: a placement (looked after) or home.</summary>
public enum MissingFrom
{
    Placement = 1,
    Home = 2,
}

/// <summary>What the child said to the offer of an independent return home interview (T18).</summary>
public enum ReturnInterviewAnswer
{
    Accepted = 1,
    Declined = 2,
}

/// <summary>A return home interview not offered in time, climbing the escalation ladder (T18, L43).</summary>
public sealed record MissingEpisodeEscalation(MissingEpisodeId Id, PersonId ChildId, int Level, EscalationAudience Audience, DateTimeOffset DueAt);

/// <summary>
/// One time a child went missing (L43): when they went, who reported it, when and where they were found, the cause or context
/// (short text, never logged), and the independent return home interview that must be offered within 72 hours of their return
/// (T18). An interview not offered in time climbs the escalation ladder, one rung per sweep, like every other overdue item.
/// Nothing is deleted; every change moves <see cref="Version"/> on, so a stale change is refused.
/// </summary>
public sealed class MissingEpisode
{
    /// <summary>T18: an independent return home interview is offered within 72 hours of the child's return.</summary>
    public const int ReturnInterviewHours = 72;

    public const int MaxShortTextLength = 200;
    public const int MaxContextLength = 1000;

    public static Refusal Stale => Refusal.Conflict("this missing episode");

    private EscalationClock _escalation;

    private MissingEpisode()
    {
        ReportedBy = "";
    }

    public MissingEpisodeId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public MissingFrom From { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    /// <summary>Who reported the child missing (a carer, a parent, the police): short text.</summary>
    public string ReportedBy { get; private set; }
    /// <summary>The cause or context as known: short text, shown on the child's record, never logged.</summary>
    public string? Context { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? WhereFound { get; private set; }
    /// <summary>When the return home interview must have been offered by: 72 hours after the return (T18).</summary>
    public DateTimeOffset? InterviewDueAt { get; private set; }
    public DateTimeOffset? InterviewOfferedAt { get; private set; }
    /// <summary>Who offered it (a person or the commissioned return interview service): short text.</summary>
    public string? InterviewOfferedBy { get; private set; }
    public ReturnInterviewAnswer? InterviewAnswer { get; private set; }
    public DateOnly? InterviewHeldOn { get; private set; }
    /// <summary>A short summary of what the child said: never logged.</summary>
    public string? InterviewSummary { get; private set; }
    /// <summary>Set by the sweep once the 72 hours passed with no offer; kept as history even if an offer is made late.</summary>
    public bool InterviewOverdue { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public int Version { get; private set; }

    public EscalationClock Escalation => _escalation;

    public int EscalationLevel
    {
        get => _escalation.Level;
        private set => _escalation = _escalation with { Level = value };
    }

    public DateTimeOffset? NextEscalationAt
    {
        get => _escalation.NextAt;
        private set => _escalation = _escalation with { NextAt = value };
    }

    public bool IsMissing => EndedAt is null;

    /// <summary>Whether, at <paramref name="now"/>, the child is back and the 72 hours have passed with no interview offered.</summary>
    public bool InterviewLateAt(DateTimeOffset now) => InterviewOfferedAt is null && InterviewDueAt is { } due && now > due;

    /// <summary>
    /// Records a child going missing. The start must be a real time, not in the future and not before the child was born; one
    /// episode at a time (<paramref name="alreadyMissing"/>: the child has one not ended). A child found by the time it is
    /// recorded has their return recorded with it (<paramref name="endedAt"/>), which starts the interview clock.
    /// </summary>
    public static Outcome<MissingEpisode> Start(PersonId child, DateOnly? bornOn, MissingFrom? from, DateTimeOffset? startedAt,
        string? reportedBy, string? context, DateTimeOffset? endedAt, string? whereFound, bool alreadyMissing, ProfessionalId by,
        DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (from is not { } f || !Enum.IsDefined(f))
        {
            errors.Add(new("From", "Select whether they went missing from a placement or from home"));
        }

        if (startedAt is not { } start)
        {
            errors.Add(new("StartedAt", "Enter when they went missing"));
        }
        else if (start > now)
        {
            errors.Add(new("StartedAt", "When they went missing must be now or in the past"));
        }
        else if (bornOn is { } born && start.InLondon() < born)
        {
            errors.Add(new("StartedAt", "When they went missing must be after they were born"));
        }

        if (string.IsNullOrWhiteSpace(reportedBy))
        {
            errors.Add(new("ReportedBy", "Enter who reported them missing"));
        }

        errors.AddRange(TooLong(("ReportedBy", reportedBy, MaxShortTextLength), ("Context", context, MaxContextLength)));
        if (alreadyMissing)
        {
            errors.Add(new("StartedAt", "They are already recorded as missing. Record their return before a new episode"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var episode = new MissingEpisode
        {
            Id = MissingEpisodeId.New(),
            ChildId = child,
            From = from!.Value,
            StartedAt = startedAt!.Value,
            ReportedBy = reportedBy!.Trim(),
            Context = Trimmed(context),
            RecordedBy = by,
            RecordedAt = now,
            Version = 1,
        };
        if (endedAt is not null && episode.Return(endedAt, whereFound, now) is { } notReturned)
        {
            return notReturned;
        }

        return episode;
    }

    /// <summary>Records the child's return: after the start, not in the future. Starts the 72-hour interview clock (T18).</summary>
    public Refusal? End(DateTimeOffset? endedAt, string? whereFound, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (EndedAt is not null)
        {
            return Refusal.Of("EndedAt", "Their return is already recorded");
        }

        if (Return(endedAt, whereFound, now) is { } refusal)
        {
            return refusal;
        }

        Version++;
        return null;
    }

    /// <summary>
    /// Records the offer of an independent return home interview: when (from the return to now) and by whom. An offer stops
    /// the escalation clock; a late one is still recorded, and the episode stays marked as having been overdue.
    /// </summary>
    public Refusal? OfferInterview(DateTimeOffset? offeredAt, string? offeredBy, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (EndedAt is not { } ended)
        {
            return Refusal.Of("OfferedAt", "Record their return before the return home interview");
        }

        if (InterviewOfferedAt is not null)
        {
            return Refusal.Of("OfferedAt", "The return home interview has already been offered");
        }

        var errors = new List<FieldError>();
        if (offeredAt is not { } at)
        {
            errors.Add(new("OfferedAt", "Enter when the return home interview was offered"));
        }
        else if (at > now)
        {
            errors.Add(new("OfferedAt", "When it was offered must be now or in the past"));
        }
        else if (at < ended)
        {
            errors.Add(new("OfferedAt", "When it was offered must be after they returned"));
        }

        if (string.IsNullOrWhiteSpace(offeredBy))
        {
            errors.Add(new("OfferedBy", "Enter who offered it (a person or the return interview service)"));
        }

        errors.AddRange(TooLong(("OfferedBy", offeredBy, MaxShortTextLength)));
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        InterviewOfferedAt = offeredAt;
        InterviewOfferedBy = offeredBy!.Trim();
        _escalation = _escalation.Stopped();
        Version++;
        return null;
    }

    /// <summary>
    /// Records what the child said to the offer: accepted (and, once held, the date and a short summary) or declined (no date).
    /// A held date is from the offer to today. May be recorded again as things move on (accepted, then held).
    /// </summary>
    public Refusal? RecordInterviewOutcome(ReturnInterviewAnswer? answer, DateOnly? heldOn, string? summary, int expectedVersion,
        DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (InterviewOfferedAt is not { } offered)
        {
            return Refusal.Of("Answer", "Record the offer of a return home interview first");
        }

        var errors = new List<FieldError>();
        if (answer is not { } a || !Enum.IsDefined(a))
        {
            errors.Add(new("Answer", "Select whether they accepted or declined the return home interview"));
        }
        else if (a == ReturnInterviewAnswer.Declined && heldOn is not null)
        {
            errors.Add(new("HeldOn", "A declined interview has no date held"));
        }
        else if (heldOn is { } held && (held < offered.InLondon() || held > now.InLondon()))
        {
            errors.Add(new("HeldOn", "The date it was held must be from the offer to today"));
        }

        if (heldOn is null && !string.IsNullOrWhiteSpace(summary) && answer == ReturnInterviewAnswer.Accepted)
        {
            errors.Add(new("HeldOn", "Enter the date it was held to record its summary"));
        }

        errors.AddRange(TooLong(("Summary", summary, MaxContextLength)));
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        InterviewAnswer = answer;
        InterviewHeldOn = heldOn;
        InterviewSummary = Trimmed(summary);
        Version++;
        return null;
    }

    /// <summary>
    /// Called by the sweep: once the 72 hours pass with no offer, the episode is marked overdue and climbs one rung per sweep,
    /// never twice for the same rung; an offer, or the top of the ladder, stops it.
    /// </summary>
    public MissingEpisodeEscalation? Sweep(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar)
    {
        if (InterviewOfferedAt is not null || InterviewDueAt is not { } due || _escalation.Climb(due, now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _escalation = climb.Clock;
        InterviewOverdue = true;
        Version++;
        return climb.Step is { } step ? new MissingEpisodeEscalation(Id, ChildId, step.Level, step.Audience, due) : null;
    }

    private Refusal? Return(DateTimeOffset? endedAt, string? whereFound, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (endedAt is not { } end)
        {
            errors.Add(new("EndedAt", "Enter when they returned or were found"));
        }
        else if (end > now)
        {
            errors.Add(new("EndedAt", "When they returned must be now or in the past"));
        }
        else if (end < StartedAt)
        {
            errors.Add(new("EndedAt", "When they returned must be after they went missing"));
        }

        errors.AddRange(TooLong(("WhereFound", whereFound, MaxShortTextLength)));
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        EndedAt = endedAt;
        WhereFound = Trimmed(whereFound);
        InterviewDueAt = endedAt!.Value.AddHours(ReturnInterviewHours);
        _escalation = EscalationClock.StartingAt(InterviewDueAt.Value);
        return null;
    }

    private static IEnumerable<FieldError> TooLong(params (string Field, string? Text, int Max)[] fields) =>
        fields.Where(f => f.Text?.Trim().Length > f.Max).Select(f => new FieldError(f.Field, $"This must be {f.Max:N0} characters or fewer"));

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A child's missing episodes in figures: the last 12 months, and the one they are missing in now (L43).</summary>
public sealed record MissingCounts(int InLast12Months, MissingEpisodeId? CurrentEpisode, DateTimeOffset? MissingSince)
{
    /// <summary>
    /// Counts the episodes that started in the 12 months to <paramref name="now"/> (an open one always counts), and names the
    /// open one, if any.
    /// </summary>
    public static MissingCounts Of(IEnumerable<(MissingEpisodeId Id, DateTimeOffset StartedAt, DateTimeOffset? EndedAt)> episodes,
        DateTimeOffset now)
    {
        var list = episodes.ToList();
        var since = now.AddMonths(-12);
        var current = list.Where(e => e.EndedAt is null).OrderByDescending(e => e.StartedAt).FirstOrDefault();
        return new MissingCounts(list.Count(e => e.StartedAt >= since || e.EndedAt is null),
            current.EndedAt is null && current.Id != default ? current.Id : null,
            current.Id != default ? current.StartedAt : null);
    }

    /// <summary>
    /// Whether an episode that started at <paramref name="startedAt"/> happened during a period a child spent somewhere (a
    /// placement), from <paramref name="from"/> to <paramref name="to"/> inclusive (London dates; no end while it lasts).
    /// </summary>
    public static bool During(DateTimeOffset startedAt, DateOnly from, DateOnly? to)
    {
        var on = startedAt.InLondon();
        return on >= from && (to is null || on <= to);
    }
}
