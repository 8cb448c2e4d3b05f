using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

/// <summary>The bytes of an attachment, in their own table so listing a share never loads them.</summary>
public sealed class ShareAttachmentContent
{
    public Guid Id { get; set; }
    public byte[] Bytes { get; set; } = [];
}

/// <summary>
/// An administrator's departure from the standing bank-holiday rules (a newly proclaimed day, or a holiday
/// moved). Seeded from <see cref="EnglandAndWales.KnownAdjustments"/>; the working-day clocks read them.
/// </summary>
public sealed class CalendarAdjustment
{
    public int Id { get; set; }
    public BankHolidayAdjustmentKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public DateOnly? MovedFrom { get; set; }
    public string? Name { get; set; }

    public BankHolidayAdjustment ToRule() => Kind == BankHolidayAdjustmentKind.Additional
        ? BankHolidayAdjustment.Additional(Date, Name ?? "Bank holiday")
        : BankHolidayAdjustment.Moved(MovedFrom ?? Date, Date, Name);
}

/// <summary>
/// A lease on a piece of background work. Only the node holding an unexpired lease sweeps, so several web nodes
/// can run the worker; if the holder dies its lease runs out and another node takes over.
/// </summary>
public sealed class SweepLease
{
    public string Name { get; set; } = "";
    public string? Holder { get; set; }
    public DateTimeOffset Until { get; set; }
}

internal sealed class ShareConfiguration : IEntityTypeConfiguration<Share>
{
    public void Configure(EntityTypeBuilder<Share> b)
    {
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Recipient);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Subject).HasMaxLength(Share.MaxSubjectLength);
        b.Property(x => x.Message).HasMaxLength(Share.MaxMessageLength);
        b.Property(x => x.Outcome).HasMaxLength(8000);
        b.Property(x => x.EmergencyDutyNote).HasMaxLength(Share.MaxEmergencyDutyNotesLength);
        b.Property(x => x.EmergencyDutyReason).HasMaxLength(Cairn.Domain.Escalation.EmergencyDutyHold.MaxReasonLength);
        b.HasMany(x => x.Children).WithOne().HasForeignKey(x => x.ShareId);
        b.Navigation(x => x.Children).HasField("_children");
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ShareId);
        b.Navigation(x => x.Events).HasField("_events");

        // The sweep reads only what is due; the inboxes read by recipient and status; the sender's list by sender.
        b.HasIndex(x => x.NextEscalationAt);
        // The sweep's other clock: passing to, and handing back from, the Emergency Duty Team (L02).
        b.HasIndex(x => x.NextOutOfHoursAt);
        // Each box's index holds only open shares (a due time), in the order the box lists them (most urgent, then
        // soonest due), with every column its count reads, so the list reads its first rows in order and neither it
        // nor the count touches the table; a team's or an agency's box also filters on "no one named", so those
        // columns lead its index. The filter is the same text on SQLite and PostgreSQL.
        const string open = "\"DueAt\" IS NOT NULL";
        b.HasIndex(x => new { x.RecipientProfessional, x.Urgency, x.DueAt, x.Status, x.DeliveredAt }).HasFilter(open);
        b.HasIndex(x => new { x.RecipientTeam, x.RecipientProfessional, x.Urgency, x.DueAt, x.Status, x.DeliveredAt }).HasFilter(open);
        b.HasIndex(x => new { x.RecipientAgency, x.RecipientTeam, x.RecipientProfessional, x.Urgency, x.DueAt, x.Status, x.DeliveredAt })
            .HasFilter(open);
        b.HasIndex(x => new { x.SentBy, x.Urgency, x.DueAt }).HasFilter(open);
        b.HasIndex(x => new { x.Status, x.DeliveredAt });
    }
}

internal sealed class ShareChildConfiguration : IEntityTypeConfiguration<ShareChild>
{
    public void Configure(EntityTypeBuilder<ShareChild> b)
    {
        b.HasKey(x => new { x.ShareId, x.ChildId });
        b.HasIndex(x => x.ChildId);
    }
}

internal sealed class ShareEventConfiguration : IEntityTypeConfiguration<ShareEvent>
{
    public void Configure(EntityTypeBuilder<ShareEvent> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(8000);
        b.HasIndex(x => x.ShareId);
    }
}

internal sealed class ShareAttachmentConfiguration : IEntityTypeConfiguration<ShareAttachment>
{
    public void Configure(EntityTypeBuilder<ShareAttachment> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.ShareId);
        b.HasOne<Share>().WithMany().HasForeignKey(x => x.ShareId);
        b.HasOne<ShareAttachmentContent>().WithOne().HasForeignKey<ShareAttachmentContent>(x => x.Id);
    }
}

internal sealed class ShareAttachmentContentConfiguration : IEntityTypeConfiguration<ShareAttachmentContent>
{
    public void Configure(EntityTypeBuilder<ShareAttachmentContent> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Bytes).HasMaxLength((int)AttachmentPolicy.MaxBytes);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(500);
        b.HasIndex(x => new { x.ProfessionalId, x.ReadAt });
        b.HasIndex(x => x.SentAt);
    }
}

internal sealed class CalendarAdjustmentConfiguration : IEntityTypeConfiguration<CalendarAdjustment>
{
    public void Configure(EntityTypeBuilder<CalendarAdjustment> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Date).IsUnique();

        // The published departures up to the release, as data an administrator then maintains.
        b.HasData(EnglandAndWales.KnownAdjustments.Select((a, i) => new CalendarAdjustment
        {
            Id = i + 1,
            Kind = a.Kind,
            Date = a.Date,
            MovedFrom = a.MovedFrom,
            Name = a.Name,
        }));
    }
}

internal sealed class SweepLeaseConfiguration : IEntityTypeConfiguration<SweepLease>
{
    public void Configure(EntityTypeBuilder<SweepLease> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(100);
    }
}
