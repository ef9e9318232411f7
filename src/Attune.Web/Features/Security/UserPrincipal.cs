using System.Globalization;
using System.Security.Claims;
using Attune.App.Features.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Attune.Web.Features.Security;

/// <summary>The signed-in person as the cookie carries them: id, email, display name, roles and the agent they work as.</summary>
internal static class UserPrincipal
{
    public const string AgentClaim = "attune:agent";

    public static async Task SignInAsync(HttpContext http, UserView user, long? agentId)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Email),
            new(ClaimTypes.GivenName, user.Name),
        ];
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (agentId is { } id)
        {
            claims.Add(new Claim(AgentClaim, id.ToString(CultureInfo.InvariantCulture)));
        }
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
    }

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
