using Cairn.Domain.Placements.Register;

namespace Cairn.Domain.Tests.Placements.Register;

/// <summary>Providers on the register (L33, L44): SSDA903 codes, plausible contact details, versions and revisions.</summary>
public sealed class ProviderRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProfessionalId Manager = ProfessionalId.New();

    [Theory]
    [InlineData(ProviderKind.Parent, "PR0")]
    [InlineData(ProviderKind.OwnLocalAuthority, "PR1")]
    [InlineData(ProviderKind.OtherLocalAuthority, "PR2")]
    [InlineData(ProviderKind.OtherPublic, "PR3")]
    [InlineData(ProviderKind.Private, "PR4")]
    [InlineData(ProviderKind.Voluntary, "PR5")]
    public void Each_kind_has_its_SSDA903_code(ProviderKind kind, string code) => Assert.Equal(code, ProviderKinds.Code(kind));

    [Theory]
    [InlineData("Ridings Care", ProviderKind.Private, null, null, "")]
    [InlineData("Ridings Care", ProviderKind.Private, "01632 960001", "Office@Ridings.example", "")]
    [InlineData(" ", ProviderKind.Private, null, null, "Name")]
    [InlineData("Ridings Care", null, null, null, "Kind")]
    [InlineData("Ridings Care", (ProviderKind)9, null, null, "Kind")]
    [InlineData("Ridings Care", ProviderKind.Private, "call us", null, "Phone")]
    [InlineData("Ridings Care", ProviderKind.Private, null, "not an email", "Email")]
    public void A_provider_needs_a_name_and_kind_and_any_contact_details_must_look_real(string name, ProviderKind? kind, string? phone,
        string? email, string refused)
    {
        var outcome = ProviderDetails.From(new ProviderDraft(name, kind, phone, email));

        Assert.Equal(refused, string.Join(",", outcome.Refusal?.Errors.Select(e => e.Field) ?? []));
    }

    [Fact]
    public void A_change_keeps_a_revision_and_a_stale_version_is_a_conflict()
    {
        var (provider, first) = PlacementProvider.Record(AreaId.New(), new ProviderDraft("Ridings", ProviderKind.Private, null, null), Manager, Now)
            .Value;

        var revision = provider.Change(new ProviderDraft("Ridings Care Group", ProviderKind.Private, "01632 960001", null), 1, Manager, Now).Value!;
        var stale = provider.Change(new ProviderDraft("Other", ProviderKind.Voluntary, null, null), 1, Manager, Now);

        Assert.Equal((1, 2), (first.Version, revision.Version));
        Assert.Equal(["Name", "Phone"], revision.Changed);
        Assert.Equal("Ridings", first.Details.Name);
        Assert.True(stale.Refusal!.IsConflict);
        Assert.Equal(("Ridings Care Group", 2), (provider.Name, provider.Version));
    }
}
