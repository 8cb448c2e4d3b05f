using System.Reflection;
using Cairn.Web.Auditing;
using Cairn.Web.Background;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Features;
using Cairn.Web.Features.Errors;
using Cairn.Web.Features.Shared;
using Cairn.Web.Features.Shares;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Cairn.Web;

/// <summary>Composes Cairn: services, the request pipeline and the endpoints. The host's Program calls this.</summary>
public static class CairnApp
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private const string SelectorScheme = "cairn";

    public static void AddCairn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // No "Server: Kestrel": what the server is tells an attacker what to try (issue #17).
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        var options = DatabaseOptions.From(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(options);
        services.AddDbContext<CairnDbContext>(o => options.Configure(o));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditLog>();
        services.AddScoped<RecordAccessService>();
        services.AddScoped<SignInService>();
        services.AddScoped<SignInSessions>();
        services.Configure<SignInSessionOptions>(builder.Configuration.GetSection("Cairn:Sessions"));
        var sessions = builder.Configuration.GetSection("Cairn:Sessions").Get<SignInSessionOptions>() ?? new SignInSessionOptions();
        Throttling.Add(services, builder.Configuration);
        services.AddScoped<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddFeatureServices();
        services.Configure<WorkingHoursOptions>(builder.Configuration.GetSection("Cairn:WorkingHours"));
        services.AddSingleton<WorkingCalendarSource>();
        services.AddScoped<ShareSteps>();
        services.AddScoped<ShareAccessService>();
        services.AddScoped<ShareStepRunner>();
        services.AddScoped<ShareBoxes>();
        services.AddScoped<RecipientChoices>();
        services.AddScoped<ShareSweep>();
        services.AddScoped<DisagreementSweep>();
        services.AddScoped<Features.FrontDoor.ContactIntake>();
        services.AddScoped<Features.FrontDoor.ThresholdDocuments>();
        services.AddScoped<FrontDoorSweep>();
        services.AddScoped<ChildFactsLoader>();
        services.AddSingleton<ConcernReferenceData>();
        services.AddScoped<ConcernEvaluator>();
        services.AddScoped<ConcernSweep>();
        services.AddScoped<CaseworkSweep>();
        services.AddScoped<MeetingSweep>();
        services.AddSingleton<Features.Compliance.ComplianceCounts>();
        services.AddSingleton<Features.Placements.PlacementMatchCache>();
        services.AddScoped<MissingSweep>();
        services.AddScoped<ConditionSweep>();
        services.AddScoped<VisitSweep>();
        services.AddSingleton(_ => Features.People.PersonMatching.MatcherFrom(builder.Configuration));
        services.AddScoped<Features.People.PersonMatching>();
        services.AddScoped<IMeetingScheduler>(sp => sp.GetRequiredService<Features.Meetings.MeetingSchedulingHandler>());
        if (SqliteCheckpointer.Wanted(options, builder.Configuration))
        {
            // Registered first, so it starts before anything that writes.
            services.AddSingleton<SqliteCheckpointer>();
            services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        }

        if (builder.Configuration.GetValue("Cairn:Escalation:Enabled", true))
        {
            services.AddHostedService<Scheduler>();
        }

        services.AddAuthentication(SelectorScheme)
            // Tokens are for the API only: a bearer token sent to a page is ignored, so a token can never use the
            // account page (to mint more tokens) or any other form.
            .AddPolicyScheme(SelectorScheme, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.AccessDeniedPath = "/forbidden";
                o.Cookie.Name = "cairn";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The server-side session decides when a session ends (idle and absolute, SessionValidation); the cookie
                // never outlives the absolute limit and never slides.
                o.ExpireTimeSpan = sessions.Absolute;
                o.SlidingExpiration = false;
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
                o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, _ => { });
        services.AddAuthorization(Policies.Add);

        services.AddRazorPages(o => o.RootDirectory = "/Features")
            // Dates are typed into the GOV.UK date input (day, month, year; and a time), never a browser date picker.
            .AddMvcOptions(o =>
            {
                o.ModelBinderProviders.Insert(0, new GovukDateModelBinderProvider());
                // The domain's text rules (no control or hidden characters, a length ceiling) for every string a page binds.
                o.ModelValidatorProviders.Add(new PlausibleTextValidatorProvider());
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cairn-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is HTTPS, including behind a TLS-terminating proxy (forwarded headers, below).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        AddHttps(services, builder.Configuration);
        services.AddProblemDetails();
        services.AddValidation();
        // An API body that cannot be read reaches the error handler in every environment, which answers 400 problem+json.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new StronglyTypedIdJsonConverter());
        });
        services.AddOpenApi("v1", o =>
        {
            // Typed ids travel as plain GUID strings (StronglyTypedIdJsonConverter); describe them so.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (StronglyTypedIdJsonConverter.IsTypedId(type))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Format = "uuid";
                    schema.Properties?.Clear();
                    schema.Required?.Clear();
                }

                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Cairn API",
                    Version = "v1",
                    Description = "The multi-agency child's record. Authenticate with a personal API token from your account page: "
                        + "`Authorization: Bearer cairn_…`. A child's record you are not involved with answers 404, exactly as one that "
                        + "does not exist.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token issued on the account page.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
    }

    public static void UseCairn(this WebApplication app)
    {
        // First: the scheme and client address a trusted proxy saw, so HTTPS, Secure cookies and HSTS follow the real request.
        app.UseForwardedHeaders();
        app.UseExceptionHandler(error => error.Run(WriteUnexpectedErrorAsync));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            if (app.Configuration.GetValue("Cairn:Https:Redirect", true))
            {
                app.UseHttpsRedirection();
            }
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // An API caller gets problem+json for every error status (401, 403, 404, 405, 415…), written here, inside the GOV.UK
        // status pages, which then leave the answer alone: a person gets the GOV.UK page, a client never does.
        app.UseWhen(IsApi, api => api.UseStatusCodePages(WriteApiStatusProblemAsync));
        app.Use(SecurityHeadersAsync);
        app.UseAuthentication();
        // After authentication, so the API is limited per token (issue #17, defect 2); sign-in posts per source address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();

        app.MapOpenApi("/api/openapi/{documentName}.json").RequireAuthorization(Policies.Professional);
        app.MapScalarApiReference("/api/reference", o => o
                .WithTitle("Cairn API reference")
                .WithOpenApiRoutePattern("/api/openapi/{documentName}.json"))
            .RequireAuthorization(Policies.Professional);

        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.ApiClient)
            // The domain's text rules for every string the API is sent, before any handler runs.
            .AddEndpointFilterFactory(PlausibleInput.Filter);
        foreach (var type in typeof(CairnApp).Assembly.GetTypes().Where(t => t.IsClass && typeof(IEndpoints).IsAssignableFrom(t)))
        {
            type.GetMethod(nameof(IEndpoints.Map), BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [api]);
        }
    }

    /// <summary>
    /// HTTPS behind a TLS-terminating proxy (issue #17): X-Forwarded-For and X-Forwarded-Proto are believed only from the
    /// proxies and networks configured (<c>Cairn:ForwardedHeaders:KnownProxies</c>, <c>KnownNetworks</c>; loopback by
    /// default), so nobody else can claim HTTPS or another address. HSTS for a year outside Development.
    /// </summary>
    private static void AddHttps(IServiceCollection services, ConfigurationManager configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Cairn:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("Cairn:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = configuration.GetValue("Cairn:Https:HstsIncludeSubDomains", false);
        });
        services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            o.HttpsPort = configuration.GetValue<int?>("Cairn:Https:Port") ?? 443;
        });
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task WriteUnexpectedErrorAsync(HttpContext context)
    {
        var correlation = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Cairn.Errors");
        if (feature?.Error is BadHttpRequestException bad && IsApi(context))
        {
            // Malformed JSON, an unknown enum value, a date that is not a date or a body that is not JSON: the caller's
            // mistake, and nothing was changed. The framework's message names our internal types, so it is logged, not sent.
            logger.LogInformation("Unreadable request to {Path} ({Reason}); correlation {CorrelationId}", context.Request.Path.Value,
                bad.Message, correlation);
            context.Response.StatusCode = bad.StatusCode;
            await Results.Problem(title: UnreadableTitle(bad.StatusCode), detail: UnreadableDetail(bad), statusCode: bad.StatusCode,
                type: "https://cairn.example/problems/unreadable", extensions: new Dictionary<string, object?> { ["correlationId"] = correlation })
                .ExecuteAsync(context);
            return;
        }

        logger.LogError(feature?.Error, "Unhandled error on {Path}; correlation {CorrelationId}", context.Request.Path.Value, correlation);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: "Something went wrong", detail: $"Quote this reference to support: {correlation}",
                statusCode: 500, extensions: new Dictionary<string, object?> { ["correlationId"] = correlation }).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(await UnexpectedErrorPageAsync(context.RequestServices, correlation));
    }

    private const string SendJson = "Send the body as JSON, with the header Content-Type: application/json.";

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static string UnreadableTitle(int status) => status == StatusCodes.Status415UnsupportedMediaType
        ? "The request body must be JSON"
        : "The request could not be read";

    /// <summary>What was wrong with an unreadable body, in the caller's terms: the JSON path of the value, never a .NET type.</summary>
    private static string UnreadableDetail(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return SendJson;
        }

        var json = bad.InnerException as System.Text.Json.JsonException;
        return string.IsNullOrEmpty(json?.Path) || json.Path == "$"
            ? "The body is not valid JSON, or is empty. Check it against the API reference."
            : $"The value at {json.Path} is not valid JSON or not of the kind expected (a number, a date, one of the listed values). "
              + "Check it against the API reference.";
    }

    /// <summary>An API error status with no body of its own (401, 403, 404, 405, 415…) answered as problem+json.</summary>
    private static async Task WriteApiStatusProblemAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var code = context.Response.StatusCode;
        var (title, detail) = code switch
        {
            StatusCodes.Status401Unauthorized => ("Authentication needed",
                "Send a personal API token from your account page: Authorization: Bearer cairn_…"),
            StatusCodes.Status403Forbidden => ("You cannot do this", "Your role does not allow this request."),
            StatusCodes.Status404NotFound => ("Not found",
                "There is nothing at this address, or it is a record you are not involved with."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"This address does not accept {context.Request.Method}."),
            StatusCodes.Status415UnsupportedMediaType => (UnreadableTitle(code), SendJson),
            _ => (ReasonPhrases.GetReasonPhrase(code), null),
        };
        await Results.Problem(title: title, detail: detail, statusCode: code).ExecuteAsync(context);
    }

    /// <summary>The page a person sees after an unexpected error (<c>Features/Errors/UnexpectedError.razor</c>), as HTML.</summary>
    private static async Task<string> UnexpectedErrorPageAsync(IServiceProvider services, string correlation)
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(UnexpectedError.Correlation)] = correlation });
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<UnexpectedError>(parameters)).ToHtmlString());
    }

    /// <summary>Everything from Cairn itself; no inline script or style, no framing, forms post only to Cairn.</summary>
    private const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Browser features Cairn never uses, turned off for every page, so injected content cannot use them either.</summary>
    private const string PermissionsPolicy = "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), "
        + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), "
        + "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    private static Task SecurityHeadersAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        if (!context.Request.Path.StartsWithSegments("/api/reference"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        // A child's record must not linger in shared or browser caches.
        headers.CacheControl = "no-store";
        return next();
    }

    /// <summary>Registers every feature's scoped handler class (types named *Handler in Cairn.Web.Features).</summary>
    private static void AddFeatureServices(this IServiceCollection services)
    {
        foreach (var type in typeof(CairnApp).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal)
                                 && t.Namespace?.StartsWith("Cairn.Web.Features", StringComparison.Ordinal) == true))
        {
            services.AddScoped(type);
        }
    }
}

/// <summary>Which database Cairn uses: SQLite (embedded default) or PostgreSQL.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Cairn:Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Cairn:Database:Provider must be Sqlite or PostgreSql, not '{providerText}'.");
        }

        var connection = configuration.GetConnectionString("Cairn");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                throw new InvalidOperationException("Set ConnectionStrings:Cairn to use PostgreSQL.");
            }

            var dataDirectory = Path.Combine(contentRoot, "App_Data");
            Directory.CreateDirectory(dataDirectory);
            connection = $"Data Source={Path.Combine(dataDirectory, "cairn.db")}";
        }

        return new DatabaseOptions(provider, connection);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("Cairn.Migrations.PostgreSql"));
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(ConnectionString) { DefaultTimeout = 30, Pooling = true };
            options.UseSqlite(builder.ToString(), o => o.MigrationsAssembly("Cairn.Migrations.Sqlite"))
                .AddInterceptors(SqlitePragmas.Instance);
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
