using Cairn.Domain.Meetings;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;
using static Cairn.Domain.Tests.Meetings.AMeeting;

namespace Cairn.Domain.Tests.Meetings;

/// <summary>The lead child protection practitioner: one active social worker at a time, with its history.</summary>
public sealed class LeadPractitionerTests
{
    private static readonly DateTimeOffset Now = At(2026, 11, 23, 15, 0);
    private static readonly MeetingId Conference = MeetingId.New();

    private static Outcome<LeadPractitioner> Name(ProfessionalId? who, LeadPractitioner? current = null, bool isSocialWorker = true,
        DateOnly? from = null, string? reason = null) =>
        LeadPractitioner.Name(Child, current, who, isSocialWorker, from ?? ConferenceDue, Conference, reason, ChairPerson, Now);

    [Fact]
    public void A_conference_names_the_lead_practitioner_from_the_day_it_was_held()
    {
        var lead = Name(SocialWorker, reason: "  ").Value!;

        Assert.Equal((Child, SocialWorker, ConferenceDue, (DateOnly?)null, (MeetingId?)Conference, (string?)null),
            (lead.ChildId, lead.ProfessionalId, lead.From, lead.To, lead.NamedAt, lead.Reason));
        Assert.Equal((ChairPerson, Now, true), (lead.RecordedBy, lead.RecordedAt, lead.IsCurrent));
    }

    [Fact]
    public void Naming_someone_else_ends_the_current_lead_on_that_day_and_keeps_the_history()
    {
        var first = Name(SocialWorker).Value!;
        var changeDay = new DateOnly(2027, 1, 11);

        var second = LeadPractitioner.Name(Child, first, Manager, true, changeDay, null, " Sam moved team. ", Manager, Now.AddDays(49)).Value!;

        Assert.Equal(((DateOnly?)changeDay, false), (first.To, first.IsCurrent));
        Assert.Equal((Manager, changeDay, (MeetingId?)null, "Sam moved team.", true),
            (second.ProfessionalId, second.From, second.NamedAt, second.Reason, second.IsCurrent));
    }

    [Fact]
    public void The_lead_must_be_named_an_active_social_worker_and_not_already_the_lead()
    {
        var current = Name(SocialWorker).Value!;

        Assert.Equal(["LeadPractitionerId"], Fields(Name(null).Refusal));
        Assert.Equal(["LeadPractitionerId"], Fields(Name(Officer, isSocialWorker: false).Refusal));
        Assert.Equal("They are already the lead child protection practitioner", Name(SocialWorker, current).Refusal!.Errors[0].Message);
        Assert.Equal(["Reason"], Fields(Name(Manager, current, reason: new string('r', LeadPractitioner.MaxReasonLength + 1)).Refusal));

        // A refused change leaves the current lead in place.
        Assert.True(current.IsCurrent);
    }

    [Fact]
    public void Ending_is_once_and_never_before_it_began()
    {
        var lead = Name(SocialWorker).Value!;

        lead.End(ConferenceDue.AddDays(-5));
        lead.End(ConferenceDue.AddDays(30));

        Assert.Equal(ConferenceDue, lead.To);
    }
}
