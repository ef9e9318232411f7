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
    };

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
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

        var app = builder.Build();
        await app.MigrateAndSeedAsync();

        app.UseAttuneErrors();
        app.UseAttuneSecurity();

        app.MapHealth();
        app.MapApiDocs();
        app.MapSetupPage();
        var api = app.MapGroup("/api/v1");
        api.MapIngestion();
        api.MapConversations();
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
