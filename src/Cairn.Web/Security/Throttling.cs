using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cairn.Web.Security;

/// <summary>
/// Growing delays on one account's password sign-in (<c>Cairn:Throttling:SignIn</c>, issue #17 defect 2): the first
/// <c>FreeFailures</c> wrong passwords cost nothing; each one after that makes the next attempt wait, starting at
/// <c>FirstDelaySeconds</c> and doubling up to <c>MaxDelaySeconds</c>. A delay, never a lock: the right password works
/// as soon as the wait is over, and the account's sessions and API tokens are never touched.
/// </summary>
public sealed class SignInThrottleOptions
{
    public int FreeFailures { get; set; } = 5;
    public int FirstDelaySeconds { get; set; } = 5;
    public int MaxDelaySeconds { get; set; } = 60;

    /// <summary>How long the next attempt waits after <paramref name="failures"/> wrong passwords in a row, or null.</summary>
    public TimeSpan? DelayAfter(int failures)
    {
        var over = failures - FreeFailures;
        if (over <= 0)
        {
            return null;
        }

        var seconds = Math.Min(MaxDelaySeconds, FirstDelaySeconds * Math.Pow(2, Math.Min(over - 1, 30)));
        return TimeSpan.FromSeconds(seconds);
    }
}

/// <summary>
/// Request limits (<c>Cairn:Throttling</c>): sign-in posts per source address (<c>SignInPerAddress</c> per
/// <c>WindowSeconds</c>; generous, because a whole office may share one address) and API requests per token
/// (<c>ApiPerToken</c> per <c>WindowSeconds</c>; an API call with no valid token counts against its address). Over the
/// limit is 429 with <c>Retry-After</c>: problem+json for the API, the GOV.UK page for a person.
/// </summary>
public sealed class ThrottlingOptions
{
    public int WindowSeconds { get; set; } = 60;
    public int SignInPerAddress { get; set; } = 60;
    public int ApiPerToken { get; set; } = 600;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

/// <summary>Builds the one request limiter: sign-in posts by source address, the API by token. Everything else is unlimited.</summary>
public static class Throttling
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Cairn:Throttling").Get<ThrottlingOptions>() ?? new ThrottlingOptions();
        services.Configure<SignInThrottleOptions>(configuration.GetSection("Cairn:Throttling:SignIn"));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
            o.OnRejected = RejectedAsync;
        });
    }

    /// <summary>
    /// The source address is the connection's, or the one a trusted proxy forwarded (forwarded headers run first, and
    /// believe only the configured proxies), so nobody can pick their own partition by sending X-Forwarded-For.
    /// </summary>
    private static RateLimitPartition<string> Partition(HttpContext context, ThrottlingOptions options)
    {
        var request = context.Request;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var header = request.Headers.Authorization.ToString();
            var key = context.User.Identity?.IsAuthenticated == true && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? "api-token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(header)))
                : "api-address:" + address;
            return Fixed(key, options.ApiPerToken, options.Window);
        }

        if (HttpMethods.IsPost(request.Method) && request.Path.Equals("/sign-in", StringComparison.OrdinalIgnoreCase))
        {
            return Fixed("sign-in:" + address, options.SignInPerAddress, options.Window);
        }

        return RateLimitPartition.GetNoLimiter("none");
    }

    private static RateLimitPartition<string> Fixed(string key, int limit, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            Window = window,
            QueueLimit = 0,
        });

    private static async ValueTask RejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(title: "Too many requests",
                detail: $"This token has made too many requests. Wait {seconds} seconds (see Retry-After) and try again.",
                statusCode: StatusCodes.Status429TooManyRequests, type: "https://cairn.example/problems/too-many-requests")
                .ExecuteAsync(context);
        }

        // A person gets the GOV.UK page for 429 (the status code pages), which says to wait and try again.
    }
}
