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
