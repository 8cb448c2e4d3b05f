using Cairn.Domain.Agencies;
using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.Health;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.LocalAuthorityCode).HasMaxLength(9);
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId);
        b.HasIndex(x => x.ManagerId);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class TeamManagerChangeConfiguration : IEntityTypeConfiguration<TeamManagerChange>
{
    public void Configure(EntityTypeBuilder<TeamManagerChange> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId);
        b.HasIndex(x => x.TeamId);
        b.Property(x => x.Reason).HasMaxLength(Professional.MaxReasonLength);
    }
}

internal sealed class ProfessionalConfiguration : IEntityTypeConfiguration<Professional>
{
    public void Configure(EntityTypeBuilder<Professional> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId);
        b.HasIndex(x => x.Email).IsUnique();
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.HasKey(x => x.ProfessionalId);
        b.HasOne<Professional>().WithOne().HasForeignKey<Account>(x => x.ProfessionalId);
        b.HasIndex(x => x.UserName).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class AccountChangeConfiguration : IEntityTypeConfiguration<AccountChange>
{
    public void Configure(EntityTypeBuilder<AccountChange> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Professional>().WithMany().HasForeignKey(x => x.ProfessionalId);
        b.HasIndex(x => x.ProfessionalId);
        b.Property(x => x.Reason).HasMaxLength(Professional.MaxReasonLength);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Professional>().WithMany().HasForeignKey(x => x.ProfessionalId);
        b.HasIndex(x => x.Hash).IsUnique();
        b.Property(x => x.Hash).HasMaxLength(64);
    }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Professional>().WithMany().HasForeignKey(x => x.ProfessionalId);
        b.HasIndex(x => new { x.ProfessionalId, x.EndedAt });
        b.Property(x => x.Device).HasMaxLength(SignInSession.MaxDeviceLength);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.NhsNumber).HasMaxLength(10);
        b.Property(x => x.Upn).HasMaxLength(13);
        b.Property(x => x.EthnicityCode).HasMaxLength(4);
        b.Property(x => x.NotDuplicateReason).HasMaxLength(Person.MaxNotDuplicateReasonLength);
        b.HasIndex(x => x.NhsNumber);
        b.HasIndex(x => x.DateOfBirth);
        b.HasIndex(x => x.AreaId);
        b.Ignore(x => x.FullName);
        b.Ignore(x => x.IsUnborn);
        b.OwnsMany(x => x.OtherNames, n =>
        {
            n.ToTable("PersonNames");
            n.WithOwner().HasForeignKey("PersonId");
            n.Property<int>("Id");
            n.HasKey("Id");
        });
        b.Navigation(x => x.OtherNames).HasField("_otherNames");
    }
}

internal sealed class PersonRevisionConfiguration : IEntityTypeConfiguration<PersonRevision>
{
    public void Configure(EntityTypeBuilder<PersonRevision> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.PersonId);
        b.ComplexProperty(x => x.Before);
    }
}

internal sealed class PersonSearchKeyConfiguration : IEntityTypeConfiguration<PersonSearchKey>
{
    public void Configure(EntityTypeBuilder<PersonSearchKey> b)
    {
        // The primary key serves every lookup, a person's own keys included (Key IN (...) AND PersonId = ...): no second index.
        b.HasKey(x => new { x.Key, x.PersonId });
        b.Property(x => x.Key).HasMaxLength(100);
    }
}

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.FromPersonId);
        b.HasIndex(x => x.ToPersonId);
        b.Property(x => x.Notes).HasMaxLength(Relationship.MaxNotesLength);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.OwnsMany(x => x.Members, m =>
        {
            m.ToTable("HouseholdMembers");
            m.WithOwner().HasForeignKey("HouseholdId");
            m.Property<int>("Id");
            m.HasKey("Id");
            m.HasIndex(x => x.PersonId);
        });
        b.Navigation(x => x.Members).HasField("_members");
    }
}

internal sealed class PersonAddressConfiguration : IEntityTypeConfiguration<PersonAddress>
{
    public void Configure(EntityTypeBuilder<PersonAddress> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.Postcode);
        b.Property(x => x.Postcode).HasMaxLength(8);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class InvolvementConfiguration : IEntityTypeConfiguration<Involvement>
{
    public void Configure(EntityTypeBuilder<Involvement> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.ChildId);
        b.HasIndex(x => new { x.ProfessionalId, x.EndedOn });
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class LegalStatusConfiguration : IEntityTypeConfiguration<LegalStatus>
{
    public void Configure(EntityTypeBuilder<LegalStatus> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ChildId, x.From });
        b.Property(x => x.NeedCode).HasMaxLength(2);
        b.Property(x => x.ReasonCareCeased).HasMaxLength(3);
        b.Property(x => x.Version).IsConcurrencyToken();

        // At most one current status per child, whoever records at the same moment: the second is refused.
        b.HasIndex(x => x.ChildId).IsUnique().HasFilter("\"To\" IS NULL").HasDatabaseName("IX_LegalStatuses_ChildId_Current");
    }
}

internal sealed class ChronologyEntryConfiguration : IEntityTypeConfiguration<ChronologyEntry>
{
    public void Configure(EntityTypeBuilder<ChronologyEntry> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.ComplexProperty(x => x.Content, ChronologyContentMapping.Map);
        b.HasMany(x => x.Subjects).WithOne().HasForeignKey(x => x.EntryId);
        b.Navigation(x => x.Subjects).HasField("_subjects");
        b.HasMany(x => x.Revisions).WithOne().HasForeignKey(x => x.EntryId);
        b.Navigation(x => x.Revisions).HasField("_revisions");
    }
}

internal static class ChronologyContentMapping
{
    public static void Map(ComplexPropertyBuilder<ChronologyContent> c)
    {
        c.Property(x => x.Summary).HasMaxLength(ChronologyContent.MaxSummaryLength);
        c.Property(x => x.Detail).HasMaxLength(ChronologyContent.MaxDetailLength);
        c.ComplexProperty(x => x.Voice, v =>
        {
            // Every part of the voice is optional, so a discriminator tells "no voice recorded" from an empty one.
            v.HasDiscriminator();
            v.Property(x => x.ChildsWords).HasMaxLength(8000);
            v.Property(x => x.HowGathered).HasMaxLength(2000);
            v.Property(x => x.WhyNotGathered).HasMaxLength(2000);
        });
    }
}

internal sealed class ChronologySubjectConfiguration : IEntityTypeConfiguration<ChronologySubject>
{
    public void Configure(EntityTypeBuilder<ChronologySubject> b)
    {
        b.HasKey(x => new { x.PersonId, x.EntryId });
        // The child page reads a page of one person's entries newest first (ties broken by entry id), filtered by
        // significance, category, agency or date. The index holds every column that needs, in that order, so the
        // page and its count are read from one index range and never from the table, however long the chronology.
        b.HasIndex(x => new { x.PersonId, x.OccurredAt, x.EntryId, x.Significance, x.Category, x.AgencyId })
            .HasDatabaseName("IX_ChronologySubjects_PersonChronology");
        b.HasIndex(x => x.EntryId);
    }
}

internal sealed class ChronologyRevisionConfiguration : IEntityTypeConfiguration<ChronologyRevision>
{
    public void Configure(EntityTypeBuilder<ChronologyRevision> b)
    {
        b.HasKey(x => x.Id);
        b.ComplexProperty(x => x.Before, ChronologyContentMapping.Map);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Description).HasMaxLength(8000);
        b.HasIndex(x => new { x.ChildId, x.Status });
        b.HasIndex(x => new { x.OwnerId, x.Status, x.ReviewBy });
        b.HasMany(x => x.History).WithOne().HasForeignKey(x => x.AlertId);
        b.Navigation(x => x.History).HasField("_history");
    }
}

internal sealed class AlertEventConfiguration : IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<AlertEvent> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(4000);
    }
}

internal sealed class DiagnosisConfiguration : IEntityTypeConfiguration<Diagnosis>
{
    public void Configure(EntityTypeBuilder<Diagnosis> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.PersonId);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.HasMany(x => x.Changes).WithOne().HasForeignKey(x => x.DiagnosisId);
        b.Navigation(x => x.Changes).HasField("_changes");
    }
}

internal sealed class DiagnosisStatusChangeConfiguration : IEntityTypeConfiguration<DiagnosisStatusChange>
{
    public void Configure(EntityTypeBuilder<DiagnosisStatusChange> b) => b.HasKey(x => x.Id);
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(x => x.Sequence);
        b.Property(x => x.Sequence).ValueGeneratedNever();
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.HasIndex(x => new { x.PersonId, x.Sequence });
        b.HasIndex(x => new { x.ActorId, x.Sequence });
    }
}

internal sealed class PostcodeEntryConfiguration : IEntityTypeConfiguration<PostcodeEntry>
{
    public void Configure(EntityTypeBuilder<PostcodeEntry> b)
    {
        b.HasKey(x => x.Postcode);
        b.Property(x => x.Postcode).HasMaxLength(8);
        b.Property(x => x.LocalAuthorityCode).HasMaxLength(9);
    }
}

internal sealed class LocalAuthorityConfiguration : IEntityTypeConfiguration<LocalAuthority>
{
    public void Configure(EntityTypeBuilder<LocalAuthority> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(9);
        b.Property(x => x.UpperTierCode).HasMaxLength(9);
    }
}
