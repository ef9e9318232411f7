using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Attune.App.Features.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Attune.Web.Features.Security;

internal static class Policies
{
    public const string Ingest = "ingest";
    public const string Read = "read";
    public const string Admin = "admin";
    public const string Lead = "lead";
    public const string IngestRate = "ingest-rate";
    public const string ScopeClaim = "scope";
}

internal static class SecuritySetup
{
    private const string Selector = "attune";

    public static void AddAttuneSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key or cookie", o => o.ForwardDefaultSelector = ctx =>
                ApiKeyHandler.KeyFrom(ctx.Request) is not null ? ApiKeyHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "attune";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/access-denied";
                // The API answers 401/403; only people in the web app are sent to the sign-in page.
                o.Events.OnRedirectToLogin = c => IsApi(c.Request) ? Status(c.Response, StatusCodes.Status401Unauthorized) : Redirect(c);
                o.Events.OnRedirectToAccessDenied = c => IsApi(c.Request) ? Status(c.Response, StatusCodes.Status403Forbidden) : Redirect(c);
                o.Events.OnValidatePrincipal = SessionValidation.ValidateCookieAsync;
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Ingest, p => p.RequireAssertion(c => HasScope(c.User, Scopes.Ingest) || c.User.IsInRole(Roles.Admin)))
            .AddPolicy(Policies.Read, p => p.RequireAssertion(c => HasScope(c.User, Scopes.Read) || Roles.All.Any(c.User.IsInRole)))
            .AddPolicy(Policies.Lead, p => p.RequireAssertion(c => ActsAsLead(c.User)))
            .AddPolicy(Policies.Admin, p => p.RequireAssertion(c => HasScope(c.User, Scopes.Admin) || c.User.IsInRole(Roles.Admin)))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        var perSecond = builder.Configuration.GetValue("RateLimiting:IngestPerSecond", 2000);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policies.IngestRate, ctx => RateLimitPartition.GetTokenBucketLimiter(
                ctx.User.Identity?.Name ?? ctx.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
    }

    public static void UseAttuneSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>A lead or admin, or an API key with the admin scope: who may manage desks, agents and policies.</summary>
    public static bool ActsAsLead(ClaimsPrincipal user) => HasScope(user, Scopes.Admin) || user.IsLead();

    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.HasClaim(Policies.ScopeClaim, scope) || user.HasClaim(Policies.ScopeClaim, Scopes.Admin);

    /// <summary>Who is acting, for the audit trail: the user's email or the API key's name.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}

/// <summary>Caches verified keys briefly so ingest does not pay a database lookup per request; revocation applies within a minute.</summary>
internal sealed class ApiKeyCache(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (ApiKeyIdentity? Identity, DateTimeOffset Until)> _keys = new(StringComparer.Ordinal);

    public async Task<ApiKeyIdentity?> GetAsync(string key, Func<Task<ApiKeyIdentity?>> load)
    {
        var now = clock.GetUtcNow();
        if (_keys.TryGetValue(key, out var hit) && hit.Until > now)
        {
            return hit.Identity;
        }
        var identity = await load();
        if (identity is not null)
        {
            if (_keys.Count > 10_000)
            {
                _keys.Clear();
            }
            _keys[key] = (identity, now + Lifetime);
        }
        return identity;
    }
}

internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache cache, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static string? KeyFrom(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && header.Count > 0 && !string.IsNullOrWhiteSpace(header[0]))
        {
            return header[0]!.Trim();
        }
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyFrom(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        var identity = await cache.GetAsync(key, () => keys.AuthenticateAsync(key, Context.RequestAborted));
        if (identity is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, $"apikey:{identity.Id}"), new(ClaimTypes.Name, $"apikey:{identity.Name}")];
        claims.AddRange(identity.Scopes.Select(s => new Claim(Policies.ScopeClaim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}
