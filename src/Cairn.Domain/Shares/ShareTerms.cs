namespace Cairn.Domain.Shares;

/// <summary>What a share is. Notifications are the kinds other capabilities send through Follow Through.</summary>
public enum ShareKind
{
    Information = 1,
    RequestForInformation = 2,
    Referral = 3,
    /// <summary>Police notification of a child present at an incident (L06).</summary>
    PoliceNotification = 4,
    /// <summary>Another area telling us about our child, or us telling them about theirs (L14).</summary>
    CrossAreaNotification = 5,
    NewAdmissionNotice = 6,
    /// <summary>Minutes of a meeting going out to those who attended or were invited (L21).</summary>
    Minutes = 7,
    RecordsTransfer = 8,
    /// <summary>An invitation to a meeting about a child: received and confirmed on the share's clocks (L21).</summary>
    MeetingInvitation = 9,
    /// <summary>A commissioned condition of a placement not delivered, told to the regulator or the Designated Officer (L38).</summary>
    ConditionBreachNotice = 10,
}

public enum Urgency
{
    /// <summary>Needs a response now; out of hours it goes to the Emergency Duty Team.</summary>
    Immediate = 1,
    /// <summary>By the close of the working day it arrives; out of hours it goes to the Emergency Duty Team.</summary>
    SameWorkingDay = 2,
    /// <summary>Within a set number of working days.</summary>
    WithinWorkingDays = 3,
    /// <summary>
    /// Received before the next school day starts, acted on by its close: Operation Encompass notifications to a
    /// school's designated safeguarding lead after a domestic abuse incident. School days are counted as working days.
    /// </summary>
    BeforeNextSchoolDay = 4,
}

public enum ShareStatus
{
    /// <summary>Arrived out of hours: with the Emergency Duty Team until the day team's next working morning (L02).</summary>
    WithEmergencyDuty = 1,
    /// <summary>In the recipient's inbox, not yet confirmed received by a named person.</summary>
    Delivered = 2,
    /// <summary>A named person confirmed receipt; the action is due.</summary>
    Received = 3,
    /// <summary>A named person recorded what was done or decided.</summary>
    Actioned = 4,
    /// <summary>The recipient declined it with a reason.</summary>
    Declined = 5,
    /// <summary>The sender closed it before it was confirmed, saying why.</summary>
    Closed = 6,
}

/// <summary>Which clock an escalation is about.</summary>
public enum ShareClock
{
    Receipt = 1,
    Action = 2,
    /// <summary>The Emergency Duty Team's acknowledgement of a share it holds, in elapsed time (L02).</summary>
    EmergencyDuty = 3,
}

public enum ShareEventKind
{
    Sent = 1,
    HeldForEmergencyDuty = 2,
    EmergencyDutyNote = 3,
    HandedToDayTeam = 4,
    Received = 5,
    Actioned = 6,
    Declined = 7,
    Redirected = 8,
    Closed = 9,
    Escalated = 10,
    /// <summary>The Emergency Duty Team has the share in hand.</summary>
    EmergencyDutyAcknowledged = 11,
    /// <summary>The Emergency Duty Team missed its acknowledgement: its manager, then the on-call senior manager, is told.</summary>
    EmergencyDutyEscalated = 12,
}

/// <summary>
/// Who a share is for. Always an agency; narrowed to a team of that agency, or to one named professional.
/// A share to an agency or team can be received by anyone in it; a named one only by that person.
/// </summary>
public sealed record ShareRecipient(AgencyId Agency, TeamId? Team, ProfessionalId? Professional)
{
    /// <summary>Whether a professional in <paramref name="agency"/> and <paramref name="team"/> is someone this share is for.</summary>
    public bool Includes(ProfessionalId professional, AgencyId agency, TeamId? team) =>
        Professional is { } named
            ? named == professional
            : Team is { } t ? team == t : agency == Agency;
}

/// <summary>How long the recipient has, counted in working time from the moment a share arrives.</summary>
public sealed record ShareTimescales(
    TimeSpan ImmediateReceipt,
    TimeSpan ImmediateAction,
    TimeSpan SameDayReceipt,
    int ReceiptWorkingDays)
{
    public static ShareTimescales Default { get; } = new(TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(2), 1);
}
