using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Conditions;
using Cairn.Domain.Placements.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

internal sealed class PlacementReferralConfiguration : IEntityTypeConfiguration<PlacementReferral>
{
    public void Configure(EntityTypeBuilder<PlacementReferral> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();

        // What the referral says is read and written whole, with the referral: one JSON column, the same on both databases.
        b.Property(x => x.Details).AsJson();
        b.Property(x => x.OverrideReason).HasMaxLength(PlacementReferral.MaxReasonLength);
        b.Property(x => x.WithdrawnReason).HasMaxLength(PlacementReferral.MaxReasonLength);
        b.HasIndex(x => new { x.ChildId, x.Status });

        // One open referral per child, also when two are started at once: the loser of the race is refused, not kept.
        b.HasIndex(x => x.ChildId).IsUnique()
            .HasFilter($"\"Status\" IN ({(int)ReferralStatus.Draft}, {(int)ReferralStatus.Submitted})")
            .HasDatabaseName("IX_PlacementReferrals_ChildId_Open");

        // The referral audit lists referrals by when they were submitted.
        b.HasIndex(x => new { x.Status, x.SubmittedAt });
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.ComplexProperty(x => x.Where, w =>
        {
            w.Property(x => x.SettingName).HasMaxLength(PlacementWhere.MaxNameLength);
            w.Property(x => x.PlacementType).HasMaxLength(3);
            w.Property(x => x.Provider).HasMaxLength(3);
            w.Property(x => x.Urn).HasMaxLength(Placement.MaxUrnLength);
            w.Property(x => x.Postcode).HasMaxLength(8);
        });
        b.Property(x => x.FamilyNote).HasMaxLength(Placement.MaxReasonLength);
        b.Property(x => x.OverrideReason).HasMaxLength(Placement.MaxReasonLength);
        b.Property(x => x.ReasonForChange).HasMaxLength(6);
        b.Property(x => x.SuitabilityReason).HasMaxLength(Placement.MaxReasonLength);
        b.Ignore(x => x.Escalation);
        b.HasIndex(x => new { x.ChildId, x.StartedOn });
        // The visit sweep reads the placements whose statutory visit is due to escalate.
        b.HasIndex(x => x.NextEscalationAt);
        // ... and those whose placement plan is due to escalate (T16).
        b.Ignore(x => x.PlanEscalation);
        b.HasIndex(x => x.PlanNextEscalationAt);

        // One current placement per child, also when two are recorded at once: the loser of the race is refused, not kept.
        b.HasIndex(x => x.ChildId).IsUnique().HasFilter("\"EndedOn\" IS NULL").HasDatabaseName("IX_Placements_ChildId_Current");
    }
}

internal sealed class PanelDecisionConfiguration : IEntityTypeConfiguration<PanelDecision>
{
    public void Configure(EntityTypeBuilder<PanelDecision> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Decision).HasMaxLength(PanelDecision.MaxDecisionLength);
        // The tracking panel reads each child's latest decision.
        b.HasIndex(x => new { x.ChildId, x.RecordedAt });
    }
}

internal sealed class CommissionedConditionConfiguration : IEntityTypeConfiguration<CommissionedCondition>
{
    public void Configure(EntityTypeBuilder<CommissionedCondition> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Description).HasMaxLength(CommissionedCondition.MaxDescriptionLength);
        b.Ignore(x => x.Escalation);
        b.Ignore(x => x.BreachOpen);
        b.OwnsMany(x => x.Observations, o =>
        {
            o.ToTable("ConditionObservations");
            o.WithOwner().HasForeignKey("ConditionId");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.Note).HasMaxLength(CommissionedCondition.MaxNoteLength);
            o.Ignore(x => x.IsBreach);
        });
        b.Navigation(x => x.Observations).HasField("_observations");
        b.HasIndex(x => x.PlacementId);
        b.HasIndex(x => x.ChildId);
        // The sweep reads the breaches due to escalate.
        b.HasIndex(x => x.NextEscalationAt);
    }
}

internal sealed class StatutoryVisitConfiguration : IEntityTypeConfiguration<StatutoryVisit>
{
    public void Configure(EntityTypeBuilder<StatutoryVisit> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ChildsViews).HasMaxLength(StatutoryVisit.MaxTextLength);
        b.Property(x => x.NotSeenAloneReason).HasMaxLength(StatutoryVisit.MaxTextLength);
        b.HasIndex(x => new { x.PlacementId, x.VisitedOn });
        b.HasIndex(x => x.ChildId);
    }
}
