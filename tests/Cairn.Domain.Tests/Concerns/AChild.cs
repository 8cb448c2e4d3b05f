using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Concerns;

/// <summary>The moment the rules run in these tests, and instants on London calendar days around it.</summary>
internal static class When
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Monday 23 November 2026, 10:00 in London (GMT).</summary>
    public static readonly DateTimeOffset Now = At(2026, 11, 23, 10, 0);

    public static DateOnly Today => Now.InLondon();

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The first moment of the London day <paramref name="days"/> days before the day of <paramref name="now"/>.</summary>
    public static DateTimeOffset StartOfDayBefore(int days, DateTimeOffset? now = null)
    {
        var date = (now ?? Now).InLondon().AddDays(-days);
        return At(date.Year, date.Month, date.Day, 0, 0);
    }

    /// <summary>The last minute of the London day before that.</summary>
    public static DateTimeOffset JustBefore(int days, DateTimeOffset? now = null) => StartOfDayBefore(days, now).AddMinutes(-1);

    public static DateTimeOffset DaysAgo(int days) => Now.AddDays(-days);
}

/// <summary>Agencies a child's chronology might hear from.</summary>
internal static class From
{
    public static readonly AgencyId School = AgencyId.New();
    public static readonly AgencyId Gp = AgencyId.New();
    public static readonly AgencyId HealthVisitors = AgencyId.New();
    public static readonly AgencyId Midwives = AgencyId.New();
    public static readonly AgencyId Police = AgencyId.New();
    public static readonly AgencyId SocialCare = AgencyId.New();
}

/// <summary>Entries and contacts with sensible defaults; tests change only what they are about.</summary>
internal static class An
{
    public static FactEntry Entry(DateTimeOffset at, ConcernTheme concerns = ConcernTheme.None, Significance significance = Significance.Routine,
        AgencyId? agency = null, AgencyKind kind = AgencyKind.School, ChronologyCategory category = ChronologyCategory.Other,
        ContactMode? mode = null, AppointmentOutcome? outcome = null, bool aboutThisChild = true) =>
        new(ChronologyEntryId.New(), aboutThisChild, agency ?? From.School, kind, at, category, significance, mode, outcome, concerns);

    /// <summary>A professional saw the child: a face-to-face visit by the given agency.</summary>
    public static FactEntry Visit(DateTimeOffset at, AgencyKind kind = AgencyKind.HealthVisiting, ContactMode mode = ContactMode.FaceToFace,
        AppointmentOutcome? outcome = null, AgencyId? agency = null, bool aboutThisChild = true) =>
        Entry(at, agency: agency ?? From.HealthVisitors, kind: kind, category: ChronologyCategory.HomeVisit, mode: mode, outcome: outcome,
            aboutThisChild: aboutThisChild);

    public static FactEntry WasNotBrought(DateTimeOffset at, AppointmentOutcome outcome = AppointmentOutcome.WasNotBrought) =>
        Entry(at, agency: From.Gp, kind: AgencyKind.GeneralPractice, category: ChronologyCategory.Appointment, mode: ContactMode.FaceToFace,
            outcome: outcome);

    public static ContactFact Contact(DateTimeOffset decidedAt, TriageOutcome? outcome = TriageOutcome.NoFurtherAction) =>
        new(ContactId.New(), decidedAt.AddHours(-4), outcome, outcome is null ? null : decidedAt);
}

/// <summary>A child and what the agencies have recorded, built up a piece at a time.</summary>
internal sealed class AChild
{
    private readonly List<FactEntry> _entries = [];
    private readonly List<ContactFact> _contacts = [];
    private DateOnly? _born;
    private bool _complexNeeds;
    private bool _homeEducated;

    public PersonId Id { get; } = PersonId.New();

    public static AChild Unknown => new();

    public static AChild BornOn(DateOnly date) => new() { _born = date };

    public static AChild AgedDays(int days) => BornOn(When.Today.AddDays(-days));

    public static AChild AgedMonths(int months) => BornOn(When.Today.AddMonths(-months));

    public AChild WithComplexNeeds()
    {
        _complexNeeds = true;
        return this;
    }

    public AChild HomeEducated()
    {
        _homeEducated = true;
        return this;
    }

    public AChild With(params FactEntry[] entries)
    {
        _entries.AddRange(entries);
        return this;
    }

    public AChild With(params ContactFact[] contacts)
    {
        _contacts.AddRange(contacts);
        return this;
    }

    public ChildFacts Facts => new(Id, _born, _complexNeeds, _homeEducated, _entries.ToArray(), _contacts.ToArray());

    /// <summary>What one rule finds for this child at <paramref name="now"/> (default <see cref="When.Now"/>), or null.</summary>
    public RuleFinding? Finding(ConcernRule rule, ConcernRuleSettings? settings = null, DateTimeOffset? now = null) =>
        ConcernRules.Evaluate(Facts, settings ?? ConcernRuleSettings.Default, now ?? When.Now).SingleOrDefault(f => f.Rule == rule);
}
