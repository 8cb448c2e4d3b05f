using Cairn.Domain.Time;

namespace Cairn.Domain.Disagreements;

/// <summary>
/// The stages of a professional disagreement (escalation), lowest first (L15). Each has one owner and a
/// timescale in working days; a stage that runs out of time goes up to the next one by itself.
/// </summary>
public enum DisagreementStage
{
    /// <summary>Between the practitioners: the one who raised it and the one whose decision it is about.</summary>
    Practitioners = 1,
    /// <summary>Between their managers.</summary>
    Managers = 2,
    /// <summary>Senior leads of the agencies, or the safeguarding partnership. The last stage: its decision is final.</summary>
    SeniorLeads = 3,
}

/// <summary>
/// How many working days each stage has before it is overdue. An area's escalation policy sets these; the
/// default is 5, 5 and 10 working days.
/// </summary>
public sealed record DisagreementTimescales
{
    /// <summary>A stage longer than this is not an escalation any more; a configuration asking for it is wrong.</summary>
    public const int MaxWorkingDays = 60;

    public DisagreementTimescales(int practitionersWorkingDays, int managersWorkingDays, int seniorLeadsWorkingDays)
    {
        PractitionersWorkingDays = Checked(practitionersWorkingDays, nameof(practitionersWorkingDays));
        ManagersWorkingDays = Checked(managersWorkingDays, nameof(managersWorkingDays));
        SeniorLeadsWorkingDays = Checked(seniorLeadsWorkingDays, nameof(seniorLeadsWorkingDays));
    }

    public static DisagreementTimescales Default { get; } = new(5, 5, 10);

    public int PractitionersWorkingDays { get; }
    public int ManagersWorkingDays { get; }
    public int SeniorLeadsWorkingDays { get; }

    public int WorkingDaysFor(DisagreementStage stage) => stage switch
    {
        DisagreementStage.Practitioners => PractitionersWorkingDays,
        DisagreementStage.Managers => ManagersWorkingDays,
        DisagreementStage.SeniorLeads => SeniorLeadsWorkingDays,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "There are three stages."),
    };

    private static int Checked(int days, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxWorkingDays, name);
        return days;
    }
}

/// <summary>The clock a disagreement runs on: the area's stage timescales counted on a working-day calendar.</summary>
public sealed record DisagreementRules(WorkingCalendar Calendar, DisagreementTimescales Timescales)
{
    /// <summary>England and Wales bank holidays, 09:00-17:00 London time, 5/5/10 working days.</summary>
    public static DisagreementRules Default { get; } = new(new WorkingCalendar(EnglandAndWales.BankHolidays), DisagreementTimescales.Default);

    /// <summary>
    /// When a stage started at <paramref name="startedAt"/> is due: the close of the Nth working day after the
    /// day it started (a stage started out of hours starts on the next working day).
    /// </summary>
    public DateTimeOffset DueAt(DisagreementStage stage, DateTimeOffset startedAt) =>
        Calendar.AddWorkingDays(startedAt, Timescales.WorkingDaysFor(stage));
}
