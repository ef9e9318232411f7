using System.Security.Claims;
using Attune.App.Features.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Attune.Web.Features.Security;

/// <summary>
/// Keeps a signed-in session true to its account. Every request with the cookie is checked against the database: a
/// deactivated account, or a password changed since the session began, ends it; changed roles or agent replace the
/// cookie's claims. A page open in the browser (its circuit) is checked the same way every
/// <c>Security:RevalidateSeconds</c> (30 by default) and, once its session has ended or changed, sent back through
/// sign-in, where a session that still holds picks up its new roles.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var current = principal is null ? null : await CurrentAsync(context.HttpContext.RequestServices, principal, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (!principal!.Matches(current))
        {
            context.ReplacePrincipal(UserPrincipal.Principal(current));
            context.ShouldRenew = true;
        }
    }

    public static async Task<SignedIn?> CurrentAsync(IServiceProvider services, ClaimsPrincipal principal, CancellationToken ct) =>
        principal.UserId() is { } id
            ? await services.GetRequiredService<Sessions>().CurrentAsync(id, principal.FindFirstValue(UserPrincipal.StampClaim) ?? "", ct)
            : null;
}

/// <summary>The circuit's side of <see cref="SessionValidation"/>: an open page learns within the interval that its session ended.</summary>
internal sealed class SessionRevalidation(ILoggerFactory logs, IServiceScopeFactory scopes, IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval { get; } = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Security:RevalidateSeconds", 30)));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.UserId() is null)
        {
            return true;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await SessionValidation.CurrentAsync(scope.ServiceProvider, user, cancellationToken) is { } current && user.Matches(current);
        }
        catch (ObjectDisposedException)
        {
            // The server is stopping and the circuit with it; a change of state now would only re-render into disposed services.
            return true;
        }
    }
}
