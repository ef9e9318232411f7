using System.Globalization;
using System.Security.Claims;
using Attune.App.Features.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Attune.Web.Features.Security;

/// <summary>The signed-in person as the cookie carries them: id, email, display name, roles, the agent they work as, and the
/// stamp of their password (a session whose stamp is out of date has ended: see <see cref="SessionValidation"/>).</summary>
internal static class UserPrincipal
{
    public const string AgentClaim = "attune:agent";
    public const string StampClaim = "attune:stamp";

    public static Task SignInAsync(HttpContext http, SignedIn session) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(session));

    public static ClaimsPrincipal Principal(SignedIn session)
    {
        var (user, agentId) = (session.User, session.AgentId);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Email),
            new(ClaimTypes.GivenName, user.Name),
            new(StampClaim, session.Stamp),
        ];
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (agentId is { } id)
        {
            claims.Add(new Claim(AgentClaim, id.ToString(CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Whether the principal says the same as the session: same roles, agent and display name.</summary>
    public static bool Matches(this ClaimsPrincipal user, SignedIn session) =>
        user.AgentId() == session.AgentId
        && user.DisplayName() == session.User.Name
        && user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).SequenceEqual(session.User.Roles.Order(StringComparer.Ordinal));

    public static long? UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The agent row the person works as; null for leads and admins who take no conversations.</summary>
    public static long? AgentId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(AgentClaim), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "";

    public static bool IsLead(this ClaimsPrincipal user) => user.IsInRole(Roles.Lead) || user.IsInRole(Roles.Admin);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);
}
