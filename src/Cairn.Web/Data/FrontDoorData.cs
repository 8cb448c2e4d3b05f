using System.Text.Json;
using Cairn.Domain.FrontDoor;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

/// <summary>
/// Small lists that are only ever read and written with their owner (indicators seen, attendees, a threshold
/// document's levels) are stored as JSON in one column, the same on SQLite and PostgreSQL.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
        where T : class => property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<T>(v, Options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Concerns).HasMaxLength(ContactDraft.MaxConcernsLength);
        b.Property(x => x.Reasons).HasMaxLength(ContactDraft.MaxConcernsLength);
        b.ComplexProperty(x => x.Referrer, r =>
        {
            r.Property(x => x.Name).HasMaxLength(200);
            r.Property(x => x.Organisation).HasMaxLength(200);
            r.Property(x => x.Relationship).HasMaxLength(200);
            r.Property(x => x.Phone).HasMaxLength(50);
            r.Property(x => x.Email).HasMaxLength(320);
        });
        b.ComplexProperty(x => x.Incident, i =>
        {
            // An incident is there only for a police notification: the discriminator tells "none" from one.
            i.HasDiscriminator();
            i.Property(x => x.Reference).HasMaxLength(40);
        });
        b.Ignore(x => x.Indicators);
        b.Property<List<IndicatorSeen>>("_indicators").HasColumnName("Indicators").AsJson();
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ContactId);
        b.Navigation(x => x.Events).HasField("_events");

        // The child's history and triage panel read by child; the front door queue by status and age; the sweep by due time.
        b.HasIndex(x => new { x.ChildId, x.ReceivedAt });
        b.HasIndex(x => new { x.AreaId, x.Status, x.ReceivedAt });
        b.HasIndex(x => x.GroupId);
        b.HasIndex(x => x.NextEscalationAt);
        // The Emergency Duty Team's queue reads the contacts it holds in an area; the sweep its clock (L02).
        b.Property(x => x.EmergencyDutyNote).HasMaxLength(Contact.MaxEmergencyDutyNotesLength);
        b.Property(x => x.EmergencyDutyReason).HasMaxLength(Cairn.Domain.Escalation.EmergencyDutyHold.MaxReasonLength);
        b.HasIndex(x => new { x.AreaId, x.EmergencyDutySince });
        b.HasIndex(x => x.NextOutOfHoursAt);
    }
}

internal sealed class ContactEventConfiguration : IEntityTypeConfiguration<ContactEvent>
{
    public void Configure(EntityTypeBuilder<ContactEvent> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(ContactDraft.MaxConcernsLength);
    }
}

internal sealed class ThresholdDocumentConfiguration : IEntityTypeConfiguration<ThresholdDocument>
{
    public void Configure(EntityTypeBuilder<ThresholdDocument> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.ChangeNote).HasMaxLength(2000);
        b.Property(x => x.Levels).AsJson();
        // One row per edition; two people publishing the same edition at once: the second fails on this index.
        b.HasIndex(x => new { x.AreaId, x.Edition }).IsUnique();
    }
}

internal sealed class StrategyDiscussionConfiguration : IEntityTypeConfiguration<StrategyDiscussion>
{
    public void Configure(EntityTypeBuilder<StrategyDiscussion> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Decision).HasMaxLength(ContactDraft.MaxConcernsLength);
        b.Ignore(x => x.Attendees);
        b.Property<List<StrategyAttendee>>("_attendees").HasColumnName("Attendees").AsJson();
        b.HasIndex(x => x.ChildId);
        b.HasIndex(x => x.ContactId);
        b.HasIndex(x => new { x.Status, x.DueAt });
        // The sweep reads only the discussions whose next escalation has come.
        b.HasIndex(x => x.NextEscalationAt);
    }
}

internal sealed class AreaFrontDoorTimescalesConfiguration : IEntityTypeConfiguration<AreaFrontDoorTimescales>
{
    public void Configure(EntityTypeBuilder<AreaFrontDoorTimescales> b)
    {
        b.ToTable("FrontDoorTimescales");
        b.HasKey(x => x.AreaId);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
