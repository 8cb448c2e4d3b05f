using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Meetings;
using Cairn.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Venue).HasMaxLength(Meeting.MaxVenueLength);
        foreach (var text in new[]
                 {
                     "MoveReason", "MissingRolesReason", "InquorateReason", "PlanChanges", "IncidentsSinceLast", "ChildsView", "ParentsView",
                     "Discussion", "FamilySummary", "CancelReason",
                 })
        {
            b.Property<string?>(text).HasMaxLength(Meeting.MaxTextLength);
        }

        b.Ignore(x => x.Type);
        b.Ignore(x => x.Escalation);
        b.Ignore(x => x.Outcomes);
        // Progress on each outcome is kept whole with the minutes, as it was written (L22).
        b.Property<List<OutcomeProgress>>("_outcomes").HasColumnName("Outcomes").AsJson();
        b.HasMany(x => x.Invitees).WithOne().HasForeignKey(x => x.MeetingId);
        b.Navigation(x => x.Invitees).HasField("_invitees");
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.MeetingId);
        b.Navigation(x => x.Events).HasField("_events");
        b.HasIndex(x => new { x.ChildId, x.Kind, x.Status });
        // The compliance list reads open meetings by due date, and a manager's by owner.
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasIndex(x => new { x.OwnerId, x.Status, x.DueOn });
        b.HasIndex(x => new { x.Status, x.MinutesStatus, x.MinutesDueOn });
        b.HasIndex(x => x.NextEscalationAt);
        // A trigger schedules its meeting once, however often the scheduling sweep runs or races.
        b.HasIndex(x => new { x.TriggerId, x.Kind, x.Number }).IsUnique();
    }
}

internal sealed class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.InvitedBecause).HasMaxLength(200);
        b.HasIndex(x => x.ProfessionalId);
    }
}

internal sealed class MeetingEventConfiguration : IEntityTypeConfiguration<MeetingEvent>
{
    public void Configure(EntityTypeBuilder<MeetingEvent> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(Meeting.MaxTextLength);
    }
}

internal sealed class LeadPractitionerConfiguration : IEntityTypeConfiguration<LeadPractitioner>
{
    public void Configure(EntityTypeBuilder<LeadPractitioner> b)
    {
        b.HasKey(x => x.Id);
        b.Ignore(x => x.IsCurrent);
        b.Property(x => x.Reason).HasMaxLength(LeadPractitioner.MaxReasonLength);
        b.HasIndex(x => new { x.ChildId, x.To });
    }
}

internal sealed class AdultWorkerConfiguration : IEntityTypeConfiguration<AdultWorker>
{
    public void Configure(EntityTypeBuilder<AdultWorker> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.AdultId);
        b.HasIndex(x => x.ProfessionalId);
    }
}

internal sealed class ProceedingsConfiguration : IEntityTypeConfiguration<Proceedings>
{
    public void Configure(EntityTypeBuilder<Proceedings> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Advocates).WithOne().HasForeignKey(x => x.ProceedingsId);
        b.Navigation(x => x.Advocates).HasField("_advocates");
        b.HasIndex(x => new { x.ChildId, x.Kind });
    }
}

internal sealed class FamilyAdvocateConfiguration : IEntityTypeConfiguration<FamilyAdvocate>
{
    public void Configure(EntityTypeBuilder<FamilyAdvocate> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Advocate).HasMaxLength(FamilyAdvocate.MaxLength);
        b.Property(x => x.NoAdvocateReason).HasMaxLength(FamilyAdvocate.MaxLength);
    }
}

/// <summary>
/// One area's own local meeting timescales (T17 and the rest, <see cref="Domain.Meetings.MeetingRules"/>). No row means the
/// defaults. National timescales are never stored here.
/// </summary>
public sealed class AreaMeetingRules
{
    public AreaId AreaId { get; set; }

    /// <summary>Amounts by "Kind:Which" (for example "PlacementPlanningMeeting:FirstDue": 48), stored as JSON.</summary>
    public Dictionary<string, int> Amounts { get; set; } = [];
    public ProfessionalId? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public MeetingRules ToRules() => Domain.Meetings.MeetingRules.FromStored(Amounts);

    /// <summary>The meeting rules for one area: its own, or the defaults.</summary>
    public static async Task<MeetingRules> ForAreaAsync(CairnDbContext db, AreaId area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.MeetingRules.AsNoTracking().FirstOrDefaultAsync(r => r.AreaId == area, cancellationToken);
        return row?.ToRules() ?? Domain.Meetings.MeetingRules.Default;
    }
}

internal sealed class AreaMeetingRulesConfiguration : IEntityTypeConfiguration<AreaMeetingRules>
{
    public void Configure(EntityTypeBuilder<AreaMeetingRules> b)
    {
        b.ToTable("MeetingRules");
        b.HasKey(x => x.AreaId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Amounts).AsJson();
    }
}
