using Cairn.Domain.Agencies;
using Microsoft.AspNetCore.Authorization;

namespace Cairn.Web.Security;

/// <summary>
/// Named authorisation policies. Every page and endpoint names one of these (or is explicitly anonymous);
/// a test enumerates the endpoints and fails on any that does not. Access to a child's record is then
/// decided per record by <see cref="RecordAccessService"/>.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in professional.</summary>
    public const string Professional = "professional";
    /// <summary>An API client presenting a personal token.</summary>
    public const string ApiClient = "api-client";
    /// <summary>Administrators: accounts, agencies and reference data.</summary>
    public const string Administrator = "administrator";
    /// <summary>Who may read the audit log: safeguarding leads and administrators.</summary>
    public const string AuditReader = "audit-reader";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Professional, p => p.RequireAuthenticatedUser().RequireClaim(CurrentUser.ProfessionalClaim));
        options.AddPolicy(ApiClient, p => p
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(CurrentUser.ProfessionalClaim));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasRole(c, Role.Administrator)));
        options.AddPolicy(AuditReader, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => HasRole(c, Role.Administrator) || HasRole(c, Role.SafeguardingLead)));
        // Anything that forgets to declare a policy still needs a signed-in user; the endpoint test catches it.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }

    private static bool HasRole(AuthorizationHandlerContext context, Role role) =>
        int.TryParse(context.User.FindFirst(CurrentUser.RolesClaim)?.Value, out var roles) && ((Role)roles & role) == role;
}
