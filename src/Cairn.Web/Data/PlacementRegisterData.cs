using Cairn.Domain.Placements.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

// The placement register (L33, L41, L44): providers and settings with a version each, their revisions (the details as they were,
// whole, as JSON) and the vacancy counts over time. Specialisms and restrictions are small sets read with their setting: JSON.

internal sealed class PlacementProviderConfiguration : IEntityTypeConfiguration<PlacementProvider>
{
    public void Configure(EntityTypeBuilder<PlacementProvider> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Name).HasMaxLength(ProviderDetails.MaxNameLength);
        b.Property(x => x.Phone).HasMaxLength(ProviderDetails.MaxPhoneLength);
        b.Property(x => x.Email).HasMaxLength(ProviderDetails.MaxEmailLength);
        b.Ignore(x => x.Details);
        b.HasIndex(x => new { x.AreaId, x.Name });
    }
}

internal sealed class ProviderRevisionConfiguration : IEntityTypeConfiguration<ProviderRevision>
{
    public void Configure(EntityTypeBuilder<ProviderRevision> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Details).HasMaxLength(2_000).AsJson();
        b.Property(x => x.Changed).HasMaxLength(1_000).AsJson();
        b.HasOne<PlacementProvider>().WithMany().HasForeignKey(x => x.ProviderId);
        b.HasIndex(x => new { x.ProviderId, x.Version }).IsUnique();
    }
}

internal sealed class PlacementSettingConfiguration : IEntityTypeConfiguration<PlacementSetting>
{
    public void Configure(EntityTypeBuilder<PlacementSetting> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Name).HasMaxLength(SettingDetails.MaxNameLength);
        b.Property(x => x.RegistrationNumber).HasMaxLength(SettingDetails.MaxRegistrationNumberLength);
        b.Property(x => x.Postcode).HasMaxLength(8);
        b.Property(x => x.LocalAuthorityCode).HasMaxLength(9);
        b.Property(x => x.UpperTierCode).HasMaxLength(9);
        b.Property(x => x.Specialisms).HasMaxLength(1_000).AsJson();
        b.Property(x => x.Restrictions).HasMaxLength(200).AsJson();
        b.Ignore(x => x.Details);
        b.HasOne<PlacementProvider>().WithMany().HasForeignKey(x => x.ProviderId);
        // The register lists an area's settings by type; matching reads them by area.
        b.HasIndex(x => new { x.AreaId, x.Type });
        b.HasIndex(x => x.ProviderId);
    }
}

internal sealed class SettingRevisionConfiguration : IEntityTypeConfiguration<SettingRevision>
{
    public void Configure(EntityTypeBuilder<SettingRevision> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Details).HasMaxLength(4_000).AsJson();
        b.Property(x => x.Changed).HasMaxLength(1_000).AsJson();
        b.HasOne<PlacementSetting>().WithMany().HasForeignKey(x => x.SettingId);
        b.HasIndex(x => new { x.SettingId, x.Version }).IsUnique();
    }
}

internal sealed class SettingVacancyConfiguration : IEntityTypeConfiguration<SettingVacancy>
{
    public void Configure(EntityTypeBuilder<SettingVacancy> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<PlacementSetting>().WithMany().HasForeignKey(x => x.SettingId);
        b.HasIndex(x => new { x.SettingId, x.From });
    }
}
