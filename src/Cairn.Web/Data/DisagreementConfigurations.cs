using Cairn.Domain.Disagreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

internal sealed class DisagreementConfiguration : IEntityTypeConfiguration<Disagreement>
{
    public void Configure(EntityTypeBuilder<Disagreement> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Decision).HasMaxLength(DisagreementDraft.MaxDecisionLength);
        b.Property(x => x.Concern).HasMaxLength(DisagreementDraft.MaxConcernLength);
        b.Property(x => x.OutcomeSought).HasMaxLength(DisagreementDraft.MaxOutcomeSoughtLength);
        b.Property(x => x.Resolution).HasMaxLength(Disagreement.MaxNoteLength);
        b.HasIndex(x => x.ChildId);
        b.HasIndex(x => new { x.OwnerId, x.Status });
        b.HasIndex(x => x.RaisedBy);
        // The escalation sweep reads only what is due: WHERE NextEscalationAt <= now.
        b.HasIndex(x => x.NextEscalationAt);
        b.HasMany(x => x.Stages).WithOne().HasForeignKey(x => x.DisagreementId);
        b.Navigation(x => x.Stages).HasField("_stages");
        b.HasMany(x => x.History).WithOne().HasForeignKey(x => x.DisagreementId);
        b.Navigation(x => x.History).HasField("_history");
    }
}

internal sealed class DisagreementStageConfiguration : IEntityTypeConfiguration<StageRecord>
{
    public void Configure(EntityTypeBuilder<StageRecord> b)
    {
        // A surrogate key, not (DisagreementId, Stage): two writers racing to start the same stage must fail on the
        // disagreement's Version (a concurrency conflict, nothing kept), not on a duplicate key inserted first.
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DisagreementId, x.Stage });
        b.Property(x => x.Note).HasMaxLength(Disagreement.MaxNoteLength);
        // "Disagreements I own or owned" looks stages up by owner.
        b.HasIndex(x => x.OwnerId);
    }
}

internal sealed class DisagreementEventConfiguration : IEntityTypeConfiguration<DisagreementEvent>
{
    public void Configure(EntityTypeBuilder<DisagreementEvent> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(Disagreement.MaxNoteLength);
    }
}
