using Cairn.Domain.EarlyHelp;
using Cairn.Domain.Education;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

internal sealed class EarlyHelpEpisodeConfiguration : IEntityTypeConfiguration<EarlyHelpEpisode>
{
    public void Configure(EntityTypeBuilder<EarlyHelpEpisode> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.ComplexProperty(x => x.Consent, c => c.Property(x => x.GivenBy).HasMaxLength(EarlyHelpDraft.MaxConsentGivenByLength));
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.EpisodeId);
        b.Navigation(x => x.Events).HasField("_events");

        b.HasIndex(x => new { x.ChildId, x.StartedOn });
        b.HasIndex(x => new { x.LeadProfessionalId, x.Status });
        b.HasIndex(x => x.FrontDoorContactId);

        // One episode not yet closed per child, whoever starts one at the same moment: the second is refused.
        b.HasIndex(x => x.ChildId).IsUnique().HasFilter($"\"Status\" <> {(int)EarlyHelpStatus.Closed}")
            .HasDatabaseName("IX_EarlyHelpEpisodes_ChildId_NotClosed");
    }
}

internal sealed class EarlyHelpEventConfiguration : IEntityTypeConfiguration<EarlyHelpEvent>
{
    public void Configure(EntityTypeBuilder<EarlyHelpEvent> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(EarlyHelpDraft.MaxPlanLength);
    }
}

internal sealed class EducationRecordConfiguration : IEntityTypeConfiguration<EducationRecord>
{
    public void Configure(EntityTypeBuilder<EducationRecord> b)
    {
        // One row per child, keyed by the child: the concern rules read many children's flags by key.
        b.HasKey(x => x.PersonId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.ComplexNeeds).HasMaxLength(EducationDraft.MaxComplexNeedsLength);
        b.HasMany(x => x.Revisions).WithOne().HasForeignKey(x => x.PersonId);
        b.Navigation(x => x.Revisions).HasField("_revisions");

        // The concern rules (L09) read many children's flags at once: this index holds all they read, in key order,
        // so the lookup never touches the table on either provider.
        b.HasIndex(x => new { x.PersonId, x.HasComplexNeeds, x.ElectivelyHomeEducated })
            .HasDatabaseName("IX_EducationRecords_Flags");
    }
}

internal sealed class EducationRevisionConfiguration : IEntityTypeConfiguration<EducationRevision>
{
    public void Configure(EntityTypeBuilder<EducationRevision> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(EducationDraft.MaxReasonLength);
        b.HasIndex(x => new { x.PersonId, x.Version }).IsUnique();
    }
}
