using Attune.Web.Components;
using Attune.Web.Features.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;

namespace Attune.Web.Hosting;

/// <summary>The Blazor web app: interactive server pages over the same services as the API.</summary>
internal static class WebAppSetup
{
    public static void AddAttuneWebApp(this WebApplicationBuilder builder)
    {
        // From a build (dotnet run, tests, attune serve) CSS and Blazor's script are read where the build left them;
        // a published app has no such manifest and serves its own wwwroot.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        builder.Services.AddSingleton<AppScope>();
    }

    /// <summary>People get the app's "not found" page; the API keeps its problem+json answers.</summary>
    public static void UseAttuneWebAppErrors(this WebApplication app) =>
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            b => b.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));

    public static void MapAttuneWebApp(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        app.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/signin");
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
