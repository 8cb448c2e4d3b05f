using System.Globalization;
using System.Security.Claims;
using Cairn.Domain;
using Cairn.Domain.Agencies;

namespace Cairn.Web.Security;

/// <summary>The signed-in professional, read from the authenticated principal's claims.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string ProfessionalClaim = "cairn:professional";
    public const string AgencyClaim = "cairn:agency";
    public const string AreaClaim = "cairn:area";
    public const string RolesClaim = "cairn:roles";
    public const string StampClaim = "cairn:stamp";
    /// <summary>The page session's id (<see cref="SignInSession"/>); API tokens have none.</summary>
    public const string SessionClaim = "cairn:session";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsSignedIn => Principal?.Identity?.IsAuthenticated == true && Claim(ProfessionalClaim) is not null;

    public ProfessionalId ProfessionalId => new(Guid.Parse(Required(ProfessionalClaim)));
    public AgencyId AgencyId => new(Guid.Parse(Required(AgencyClaim)));
    public AreaId AreaId => new(Guid.Parse(Required(AreaClaim)));
    public Role Roles => (Role)int.Parse(Required(RolesClaim), CultureInfo.InvariantCulture);
    public string DisplayName => Principal?.Identity?.Name ?? "";

    /// <summary>The page session this request belongs to, or null for an API token.</summary>
    public Guid? SessionId => Guid.TryParse(Claim(SessionClaim), out var id) ? id : null;

    public bool Has(Role role) => IsSignedIn && (Roles & role) == role;

    public static ClaimsIdentity CreateIdentity(Professional professional, AreaId area, Guid securityStamp, string scheme, Guid? session = null)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, professional.Name),
            new Claim(ProfessionalClaim, professional.Id.Value.ToString()),
            new Claim(AgencyClaim, professional.AgencyId.Value.ToString()),
            new Claim(AreaClaim, area.Value.ToString()),
            new Claim(RolesClaim, ((int)professional.Roles).ToString(CultureInfo.InvariantCulture)),
            new Claim(StampClaim, securityStamp.ToString()),
        ], scheme, ClaimTypes.Name, ClaimTypes.Role);
        if (session is { } id)
        {
            identity.AddClaim(new Claim(SessionClaim, id.ToString()));
        }

        return identity;
    }

    private string? Claim(string type) => Principal?.FindFirst(type)?.Value;

    private string Required(string type) => Claim(type) ?? throw new InvalidOperationException("No professional is signed in.");
}
