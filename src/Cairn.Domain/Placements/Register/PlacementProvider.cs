using System.Text.RegularExpressions;

namespace Cairn.Domain.Placements.Register;

/// <summary>Who provides a placement, in the SSDA903 return's PLACE_PROVIDER codes (PR0–PR5).</summary>
public enum ProviderKind
{
    /// <summary>PR0: a parent or other person with parental responsibility.</summary>
    Parent = 0,
    /// <summary>PR1: the council's own provision.</summary>
    OwnLocalAuthority = 1,
    /// <summary>PR2: another local authority's provision.</summary>
    OtherLocalAuthority = 2,
    /// <summary>PR3: other public provision (for example the NHS).</summary>
    OtherPublic = 3,
    /// <summary>PR4: a private provider.</summary>
    Private = 4,
    /// <summary>PR5: a voluntary or third sector provider.</summary>
    Voluntary = 5,
}

/// <summary>Provider kinds as the SSDA903 return codes them and as people say them.</summary>
public static class ProviderKinds
{
    /// <summary>The SSDA903 PLACE_PROVIDER code, "PR0" to "PR5".</summary>
    public static string Code(ProviderKind kind) => $"PR{(int)kind}";

    public static string Of(ProviderKind kind) => kind switch
    {
        ProviderKind.Parent => "Parent or other person with parental responsibility",
        ProviderKind.OwnLocalAuthority => "Own local authority provision",
        ProviderKind.OtherLocalAuthority => "Other local authority provision",
        ProviderKind.OtherPublic => "Other public provision (for example the NHS)",
        ProviderKind.Private => "Private provision",
        ProviderKind.Voluntary => "Voluntary or third sector provision",
        _ => kind.ToString(),
    };
}

/// <summary>What someone typed about a provider, before the rules have looked at it.</summary>
public sealed record ProviderDraft(string? Name, ProviderKind? Kind, string? Phone, string? Email);

/// <summary>A provider's details that the rules accepted.</summary>
public sealed partial record ProviderDetails(string Name, ProviderKind Kind, string? Phone, string? Email)
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 50;
    public const int MaxEmailLength = 200;

    public static Outcome<ProviderDetails> From(ProviderDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new("Name", "Enter the provider's name"));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new("Name", $"The provider's name must be {MaxNameLength} characters or fewer"));
        }

        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new("Kind", "Select what kind of provider this is"));
        }

        var phone = Blank(draft.Phone);
        if (phone is not null && (phone.Length > MaxPhoneLength || !PhoneShape().IsMatch(phone)))
        {
            errors.Add(new("Phone", "Enter a phone number, like 01632 960 001, or leave it empty"));
        }

        var email = Blank(draft.Email);
        if (email is not null && (email.Length > MaxEmailLength || !EmailShape().IsMatch(email)))
        {
            errors.Add(new("Email", "Enter an email address in the right format, like name@example.com, or leave it empty"));
        }

        return Refusal.FromErrors(errors) is { } refusal
            ? refusal
            : new ProviderDetails(name, draft.Kind!.Value, phone, email?.ToLowerInvariant());
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()-]{5,}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}

/// <summary>
/// A provider of placements on an area's register (L33): a fostering service, a children's home company, another council. It
/// holds no child's data. Changes keep the earlier details as revisions (L44).
/// </summary>
public sealed class PlacementProvider
{
    public static Refusal Stale => Refusal.Conflict("this provider");

    private PlacementProvider()
    {
        Name = "";
    }

    public ProviderId Id { get; private set; }
    /// <summary>The area whose register it is on.</summary>
    public AreaId AreaId { get; private set; }
    public string Name { get; private set; }
    public ProviderKind Kind { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }

    public ProviderDetails Details => new(Name, Kind, Phone, Email);

    /// <summary>Records a provider, with its first revision.</summary>
    public static Outcome<(PlacementProvider Provider, ProviderRevision Revision)> Record(AreaId area, ProviderDraft draft, ProfessionalId by,
        DateTimeOffset now)
    {
        var details = ProviderDetails.From(draft);
        if (details.Refusal is { } refusal)
        {
            return refusal;
        }

        var provider = new PlacementProvider { Id = ProviderId.New(), AreaId = area, RecordedAt = now, RecordedBy = by };
        provider.Apply(details.Value!);
        provider.Version = 1;
        return (provider, ProviderRevision.Of(provider, [], by, now));
    }

    /// <summary>
    /// Changes the provider's details, refused for a stale <paramref name="expectedVersion"/>. Returns the revision to keep, or
    /// null when nothing changed (no new version).
    /// </summary>
    public Outcome<ProviderRevision?> Change(ProviderDraft draft, int? expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        var details = ProviderDetails.From(draft);
        if (details.Refusal is { } refusal)
        {
            return refusal;
        }

        var before = Details;
        var after = details.Value!;
        var changed = new[]
        {
            ("Name", before.Name != after.Name), ("Kind", before.Kind != after.Kind), ("Phone", before.Phone != after.Phone),
            ("Email", before.Email != after.Email),
        }.Where(c => c.Item2).Select(c => c.Item1).ToList();
        if (changed.Count == 0)
        {
            return Outcome<ProviderRevision?>.Success(null);
        }

        Apply(after);
        Version++;
        return ProviderRevision.Of(this, changed, by, now);
    }

    private void Apply(ProviderDetails details) =>
        (Name, Kind, Phone, Email) = (details.Name, details.Kind, details.Phone, details.Email);
}

/// <summary>A provider's details as they were at one version: added, never edited, so no change is lost (L44).</summary>
public sealed class ProviderRevision
{
    private ProviderRevision()
    {
        Details = null!;
        Changed = [];
    }

    public long Id { get; private set; }
    public ProviderId ProviderId { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ProfessionalId By { get; private set; }
    public ProviderDetails Details { get; private set; }
    /// <summary>The fields this version changed; empty for the first.</summary>
    public IReadOnlyList<string> Changed { get; private set; }

    internal static ProviderRevision Of(PlacementProvider provider, IReadOnlyList<string> changed, ProfessionalId by, DateTimeOffset at) => new()
    {
        ProviderId = provider.Id,
        Version = provider.Version,
        At = at,
        By = by,
        Details = provider.Details,
        Changed = changed,
    };
}
