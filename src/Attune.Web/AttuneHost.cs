using Attune.Web.Features.Alerts;
using Attune.Web.Features.Conversations;
using Attune.Web.Features.Customers;
using Attune.Web.Features.Docs;
using Attune.Web.Features.Health;
using Attune.Web.Features.Ingestion;
using Attune.Web.Features.Insights;
using Attune.Web.Features.Knowledge;
using Attune.Web.Features.Organisation;
using Attune.Web.Features.Routing;
using Attune.Web.Features.Security;
using Attune.Web.Features.Webhooks;
using Attune.Web.Hosting;
using Microsoft.Extensions.Configuration.Memory;

namespace Attune.Web;

/// <summary>The server, buildable from Program, `attune serve` and the benchmark alike. Reads like a table of contents.</summary>
public static class AttuneHost
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Urls"] = "http://localhost:5000",
        ["Database:Provider"] = "Sqlite",
        ["Demo:Seed"] = "true",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        // Unique-key conflicts are expected under concurrent ingest (handled by retrying); EF would log each as an error.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Update"] = "Critical",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
        // Static assets are served from the build manifest (MapStaticAssets); a missing ./wwwroot beside the caller is expected.
        ["Logging:LogLevel:Microsoft.AspNetCore.StaticFiles"] = "Error",
    };

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Named after this assembly, not the process's: the CLI, tests and bench host it too, and the static
        // web assets manifest (CSS, Blazor's script) is found by this name.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(AttuneHost).Assembly.GetName().Name });
        // Lowest precedence: appsettings.json, environment and command line all override these.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        // The shipped appsettings.json sits beside the binary; the working directory may be anywhere (./data/ is relative to it).
        var shipped = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
            Optional = true,
        };
        shipped.ResolveFileProvider();
        builder.Configuration.Sources.Insert(1, shipped);
        configure?.Invoke(builder);
        builder.AddAttuneLogging();
        builder.AddAttuneDatabase();
        builder.AddAttuneSecurity();
        builder.AddAttuneApi();
        builder.AddAttuneJobs();
        builder.AddAttuneWebApp();

        var app = builder.Build();
        await app.MigrateAndSeedAsync();

        app.UseAttuneErrors();
        app.UseAttuneWebAppErrors();
        // Routing after the error pages, so a re-executed request (the "not found" page) is routed afresh.
        app.UseRouting();
        app.UseAttuneSecurity();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapApiDocs();
        app.MapAttuneWebApp();
        var api = app.MapGroup("/api/v1");
        api.MapIngestion();
        api.MapConversations();
        api.MapWorkspace();
        api.MapCustomers();
        api.MapOrganisation();
        api.MapSecurity();
        api.MapWebhooks();
        api.MapRouting();
        api.MapAlerts();
        api.MapKnowledge();
        api.MapInsights();
        return app;
    }
}
