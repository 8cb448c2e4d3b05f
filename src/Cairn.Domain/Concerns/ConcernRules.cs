using System.Globalization;
using System.Numerics;
using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Time;

namespace Cairn.Domain.Concerns;

/// <summary>
/// The "concerns that add up" engine: looks at what every agency has recorded about one child and says which
/// <see cref="ConcernRule"/>s fire, with the evidence. Pure and fast: one pass over the facts per rule, nothing
/// allocated unless a rule fires, so it can run nightly for every child in an area.
/// </summary>
/// <remarks>
/// Windows are counted in calendar days in London: a window of N days holds what happened from the start of the
/// day N days before today up to now. With 90 days and today 1 April, 1 January counts and 31 December does not.
/// Anything dated after now is ignored, so a re-run for an earlier moment gives the answer it would have given then.
/// </remarks>
public static class ConcernRules
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Every rule that fires for the child at <paramref name="now"/>, in <see cref="ConcernRule"/> order. The settings
    /// must have passed <see cref="ConcernRuleSettings.Validate"/>.
    /// </summary>
    public static IReadOnlyList<RuleFinding> Evaluate(ChildFacts facts, ConcernRuleSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = new Clock(now);
        List<RuleFinding>? findings = null;
        Add(ref findings, CumulativeConcern(facts, settings.CumulativeConcern, clock));
        Add(ref findings, UnderTwoInRiskHousehold(facts, settings.UnderTwoInRiskHousehold, clock));
        Add(ref findings, OffTheRadar(facts, settings.OffTheRadar, clock));
        Add(ref findings, RepeatedNoFurtherAction(facts, settings.RepeatedNoFurtherAction, clock));
        Add(ref findings, NoFaceToFaceHealthVisit(facts, settings.NoFaceToFaceHealthVisit, clock));
        return findings ?? (IReadOnlyList<RuleFinding>)[];
    }

    /// <summary>The longest window any rule looks back over: entries and contacts older than this change no child's findings.</summary>
    public static int LongestWindowDays(ConcernRuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new[]
        {
            settings.CumulativeConcern.WindowDays, settings.UnderTwoInRiskHousehold.WindowDays, settings.OffTheRadar.NoContactDays,
            settings.OffTheRadar.MissedWindowDays, settings.RepeatedNoFurtherAction.WindowDays, settings.NoFaceToFaceHealthVisit.MaxAgeDays,
        }.Max();
    }

    /// <summary>
    /// How many London calendar days back this child's chronology entries can change what the rules find for them
    /// today: the longest window of the rules that apply to this child. Entries before <see cref="WindowStart"/> of
    /// that many days may be left out of the child's facts and every finding stays the same. Most children are past
    /// the baby and under-2 rules and have no complex needs, so only the cumulative concern window (90 days unless
    /// the area changes it) matters, rather than a year of a busy child's chronology. A child the off-the-radar rule
    /// applies to keeps <see cref="LongestWindowDays"/>, so that the prompt can still say when the last contact was
    /// when it was long before the rule's own window.
    /// </summary>
    public static int LookBackDays(
        ConcernRuleSettings settings, DateOnly? dateOfBirth, bool hasComplexNeeds, bool electivelyHomeEducated, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var days = 0;
        if (settings.CumulativeConcern.Enabled)
        {
            days = settings.CumulativeConcern.WindowDays;
        }

        if (settings.OffTheRadar.Enabled && (hasComplexNeeds || electivelyHomeEducated))
        {
            days = Math.Max(days, LongestWindowDays(settings));
        }

        if (dateOfBirth is { } born && born <= today)
        {
            if (settings.UnderTwoInRiskHousehold.Enabled && today < Birthday(born, 2))
            {
                days = Math.Max(days, settings.UnderTwoInRiskHousehold.WindowDays);
            }

            var ageDays = today.DayNumber - born.DayNumber;
            var visits = settings.NoFaceToFaceHealthVisit;
            if (visits.Enabled && ageDays >= visits.AgeDays && ageDays < visits.MaxAgeDays)
            {
                // The rule looks back to the day of birth.
                days = Math.Max(days, ageDays);
            }
        }

        return days;
    }

    /// <summary>
    /// The start of a window of <paramref name="days"/> days at <paramref name="now"/>: the start of the London day that
    /// many days before today.
    /// </summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now, int days) => new Clock(now).Since(days);

    /// <summary>
    /// What one entry adds to the cumulative score: its themes' weights times its significance multiplier, plus the
    /// "was not brought" weight.
    /// </summary>
    public static int Score(FactEntry entry, CumulativeConcernSettings settings)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(settings);
        Span<int> weights = stackalloc int[32];
        FillWeights(weights, settings);
        return Score(entry, settings, weights);
    }

    /// <summary>
    /// The date a person born on <paramref name="dateOfBirth"/> reaches <paramref name="years"/>. Someone born on
    /// 29 February has their birthday on 1 March in a common year, as in English law.
    /// </summary>
    public static DateOnly Birthday(DateOnly dateOfBirth, int years)
    {
        var birthday = dateOfBirth.AddYears(years);
        return dateOfBirth is { Month: 2, Day: 29 } && birthday.Day == 28 ? birthday.AddDays(1) : birthday;
    }

    private static RuleFinding? CumulativeConcern(ChildFacts facts, CumulativeConcernSettings s, Clock clock)
    {
        if (!s.Enabled)
        {
            return null;
        }

        Span<int> weights = stackalloc int[32];
        FillWeights(weights, s);
        var since = clock.Since(s.WindowDays);
        var entries = facts.Entries;
        long total = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (clock.IsWithin(e.OccurredAt, since) && (e.AboutThisChild || s.CountHouseholdEntries))
            {
                total += Score(e, s, weights);
            }
        }

        if (total < s.Threshold)
        {
            return null;
        }

        // Rare from here on: the threshold is met, so collect the evidence and count the agencies.
        var contributing = new List<FactEntry>();
        var agencies = new List<AgencyId>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (clock.IsWithin(e.OccurredAt, since) && (e.AboutThisChild || s.CountHouseholdEntries) && Score(e, s, weights) > 0)
            {
                contributing.Add(e);
                if (!agencies.Contains(e.Agency))
                {
                    agencies.Add(e.Agency);
                }
            }
        }

        if (agencies.Count < s.MinAgencies)
        {
            return null;
        }

        var summary = $"{Count(contributing.Count, "concern", "concerns")} from {Count(agencies.Count, "agency", "agencies")} in the last "
            + $"{s.WindowDays} days scored {total} against a step-up threshold of {s.Threshold}";
        return new RuleFinding(ConcernRule.CumulativeConcern, facts.Child, summary, Ids(contributing), []);
    }

    private static RuleFinding? UnderTwoInRiskHousehold(ChildFacts facts, UnderTwoInRiskHouseholdSettings s, Clock clock)
    {
        // A date of birth still to come is an expected date: the unborn baby is for a pre-birth assessment, not this rule.
        if (!s.Enabled || facts.DateOfBirth is not { } born || born > clock.Today || clock.Today >= Birthday(born, 2))
        {
            return null;
        }

        var since = clock.Since(s.WindowDays);
        var entries = facts.Entries;
        List<FactEntry>? matching = null;
        var seen = ConcernTheme.None;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if ((e.Concerns & s.Themes) != 0 && clock.IsWithin(e.OccurredAt, since))
            {
                (matching ??= []).Add(e);
                seen |= e.Concerns & s.Themes;
            }
        }

        if (matching is null)
        {
            return null;
        }

        var summary = $"Under 2 (aged {Age(born, clock.Today)}) with {Count(matching.Count, "entry", "entries")} in the last {s.WindowDays} days "
            + $"recording {ConcernThemes.Describe(seen, "and")} about the child or their household";
        return new RuleFinding(ConcernRule.UnderTwoInRiskHousehold, facts.Child, summary, Ids(matching), []);
    }

    private static RuleFinding? OffTheRadar(ChildFacts facts, OffTheRadarSettings s, Clock clock)
    {
        if (!s.Enabled || !(facts.HasComplexNeeds || facts.ElectivelyHomeEducated))
        {
            return null;
        }

        var modes = 0;
        foreach (var mode in s.ContactModes)
        {
            modes |= Bit((int)mode);
        }

        var contactSince = clock.Since(s.NoContactDays);
        var missedSince = clock.Since(s.MissedWindowDays);
        var entries = facts.Entries;
        FactEntry? last = null;
        var missed = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (!e.AboutThisChild || e.OccurredAt > clock.Now)
            {
                continue;
            }

            if (IsMissed(e, s))
            {
                missed += e.OccurredAt >= missedSince ? 1 : 0;
            }
            else if (IsContact(e, modes) && (last is null || e.OccurredAt > last.OccurredAt))
            {
                last = e;
            }
        }

        var noContact = last is null || last.OccurredAt < contactSince;
        var repeatedlyMissed = missed >= s.MissedAppointments;
        if (!noContact && !repeatedlyMissed)
        {
            return null;
        }

        var evidence = new List<FactEntry>();
        var parts = new List<string>(2);
        if (noContact)
        {
            if (last is null)
            {
                // The facts hold only a window of the chronology, so "none in the window" is all that is known:
                // an older contact may exist, and the summary must not say there was never one.
                parts.Add($"no professional contact in the last {s.NoContactDays} days");
            }
            else
            {
                var lastDate = last.OccurredAt.InLondon();
                evidence.Add(last);
                parts.Add($"no professional contact in the last {s.NoContactDays} days: the last was "
                    + $"{clock.Today.DayNumber - lastDate.DayNumber} days ago, on {lastDate.ToString("d MMMM yyyy", EnGb)}");
            }
        }

        if (repeatedlyMissed)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                if (e.AboutThisChild && IsMissed(e, s) && clock.IsWithin(e.OccurredAt, missedSince))
                {
                    evidence.Add(e);
                }
            }

            var what = s.CountNoAccessAsMissed ? "was not brought or no access" : "was not brought";
            parts.Add($"{Count(missed, "appointment or visit", "appointments or visits")} missed ({what}) in the last {s.MissedWindowDays} days, "
                + $"against a limit of {s.MissedAppointments}");
        }

        var who = (facts.HasComplexNeeds, facts.ElectivelyHomeEducated) switch
        {
            (true, true) => "Complex needs and electively home educated",
            (true, false) => "Complex needs",
            _ => "Electively home educated",
        };
        return new RuleFinding(ConcernRule.OffTheRadar, facts.Child, $"{who}; {string.Join("; ", parts)}", Ids(evidence), []);
    }

    private static RuleFinding? RepeatedNoFurtherAction(ChildFacts facts, RepeatedNoFurtherActionSettings s, Clock clock)
    {
        if (!s.Enabled)
        {
            return null;
        }

        var since = clock.Since(s.WindowDays);
        var contacts = facts.Contacts;
        var count = 0;
        for (var i = 0; i < contacts.Count; i++)
        {
            count += IsNoFurtherAction(contacts[i], since, clock) ? 1 : 0;
        }

        if (count < s.Contacts)
        {
            return null;
        }

        var closed = new List<ContactFact>(count);
        for (var i = 0; i < contacts.Count; i++)
        {
            if (IsNoFurtherAction(contacts[i], since, clock))
            {
                closed.Add(contacts[i]);
            }
        }

        closed.Sort((a, b) => (a.DecidedAt ?? a.ReceivedAt).CompareTo(b.DecidedAt ?? b.ReceivedAt) is var c && c != 0
            ? c
            : a.Id.Value.CompareTo(b.Id.Value));
        var summary = $"{count} front-door contacts in the last {s.WindowDays} days ended in no further action, against a limit of {s.Contacts}";
        return new RuleFinding(ConcernRule.RepeatedNoFurtherAction, facts.Child, summary, [], closed.ConvertAll(c => c.Id));
    }

    private static RuleFinding? NoFaceToFaceHealthVisit(ChildFacts facts, NoFaceToFaceHealthVisitSettings s, Clock clock)
    {
        if (!s.Enabled || facts.DateOfBirth is not { } born)
        {
            return null;
        }

        var ageDays = clock.Today.DayNumber - born.DayNumber;
        if (ageDays < s.AgeDays || ageDays >= s.MaxAgeDays)
        {
            return null;
        }

        var kinds = 0;
        foreach (var kind in s.AgencyKinds)
        {
            kinds |= Bit((int)kind);
        }

        // Contacts before birth (an antenatal visit) do not count: the baby was not seen.
        var since = StartOfLondonDay(born);
        var entries = facts.Entries;
        List<FactEntry>? other = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (!e.AboutThisChild || (kinds & Bit((int)e.AgencyKind)) == 0 || !clock.IsWithin(e.OccurredAt, since))
            {
                continue;
            }

            if (e.Mode == ContactMode.FaceToFace && e.Outcome is null or AppointmentOutcome.Attended)
            {
                return null;
            }

            if (e.Mode is not null || e.Outcome is not null)
            {
                (other ??= []).Add(e);
            }
        }

        var summary = $"Aged {ageDays} days with no face-to-face {AgencyWords(s.AgencyKinds)} visit recorded since birth; " +
            $"one is expected by {s.AgeDays} days";
        if (other is not null)
        {
            summary += $"; {Count(other.Count, "other contact or appointment", "other contacts or appointments")} (not face to face, or missed)";
        }

        return new RuleFinding(ConcernRule.NoFaceToFaceHealthVisit, facts.Child, summary, other is null ? [] : Ids(other), []);
    }

    private static void FillWeights(Span<int> weights, CumulativeConcernSettings s)
    {
        foreach (var (theme, weight) in s.ThemeWeights)
        {
            if (BitOperations.IsPow2((uint)theme))
            {
                weights[BitOperations.TrailingZeroCount((uint)theme)] = weight;
            }
        }
    }

    private static int Score(FactEntry e, CumulativeConcernSettings s, ReadOnlySpan<int> weights)
    {
        var themes = 0;
        for (var bits = (uint)e.Concerns; bits != 0; bits &= bits - 1)
        {
            themes += weights[BitOperations.TrailingZeroCount(bits)];
        }

        return (themes * s.MultiplierFor(e.Significance)) + (e.Outcome == AppointmentOutcome.WasNotBrought ? s.WasNotBroughtWeight : 0);
    }

    private static bool IsMissed(FactEntry e, OffTheRadarSettings s) =>
        e.Outcome == AppointmentOutcome.WasNotBrought || (s.CountNoAccessAsMissed && e.Outcome == AppointmentOutcome.NoAccess);

    /// <summary>A professional was in touch with the child: a way of contact that counts, and it took place.</summary>
    private static bool IsContact(FactEntry e, int modes) =>
        e.Mode is { } mode && (modes & Bit((int)mode)) != 0 && e.Outcome is null or AppointmentOutcome.Attended;

    private static bool IsNoFurtherAction(ContactFact c, DateTimeOffset since, Clock clock) =>
        c.Outcome == TriageOutcome.NoFurtherAction && clock.IsWithin(c.DecidedAt ?? c.ReceivedAt, since);

    private static int Bit(int value) => value is >= 0 and < 32 ? 1 << value : 0;

    private static List<ChronologyEntryId> Ids(List<FactEntry> entries)
    {
        entries.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt) is var c && c != 0 ? c : a.Id.Value.CompareTo(b.Id.Value));
        return entries.ConvertAll(e => e.Id);
    }

    private static void Add(ref List<RuleFinding>? findings, RuleFinding? finding)
    {
        if (finding is not null)
        {
            (findings ??= new List<RuleFinding>(2)).Add(finding);
        }
    }

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    private static string Age(DateOnly born, DateOnly today)
    {
        var months = ((today.Year - born.Year) * 12) + today.Month - born.Month - (today.Day < born.Day ? 1 : 0);
        return months < 1 ? Count(today.DayNumber - born.DayNumber, "day", "days") : Count(months, "month", "months");
    }

    private static string AgencyWords(IReadOnlyList<AgencyKind> kinds) => kinds.Count == 1 && kinds[0] == AgencyKind.HealthVisiting
        ? "health visiting"
        : string.Join(" or ", kinds.Distinct().Select(k => k switch
        {
            AgencyKind.HealthVisiting => "health visiting",
            AgencyKind.Midwifery => "midwifery",
            AgencyKind.GeneralPractice => "GP",
            AgencyKind.Hospital => "hospital",
            _ => k.ToString().ToLowerInvariant(),
        }));

    /// <summary>The instant a London calendar day starts. The UK's clocks change at 01:00 or 02:00, so midnight always exists.</summary>
    private static DateTimeOffset StartOfLondonDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, LocalDate.London.GetUtcOffset(midnight));
    }

    private readonly struct Clock(DateTimeOffset now)
    {
        public DateTimeOffset Now { get; } = now;
        public DateOnly Today { get; } = now.InLondon();

        /// <summary>The start of the window of <paramref name="days"/> days: the start of the London day that many days before today.</summary>
        public DateTimeOffset Since(int days) => StartOfLondonDay(Today.AddDays(-days));

        public bool IsWithin(DateTimeOffset at, DateTimeOffset since) => at >= since && at <= Now;
    }
}
