using Attune.App;
using Attune.App.Data;
using Attune.App.Features.Demo;
using Attune.App.Jobs;
using Microsoft.AspNetCore.Http.Json;

namespace Attune.Web.Hosting;

internal static class HostingSetup
{
    public static void AddAttuneLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        // Structured logs: JSON lines for collectors when Logging:Format=json, readable text otherwise.
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
    }

    public static void AddAttuneDatabase(this WebApplicationBuilder builder)
    {
        var options = DatabaseOptions.From(builder.Configuration["Database:Provider"], builder.Configuration.GetConnectionString("Attune"),
            builder.Configuration["Database:IngestWriters"]);
        builder.Services.AddAttuneApp(options);
    }

    public static void AddAttuneApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        // Binding failures throw, so ProblemResults can name the offending field instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            // A stored reading goes out as the JSON it was stored as (RawJson); say what it is, not how it is written.
            if (context.JsonTypeInfo.Type == typeof(Attune.App.Common.RawJson))
            {
                schema.Type = Microsoft.OpenApi.JsonSchemaType.Object;
                schema.Description = "The message's reading: language, sentiment, emotions, vulnerability, urgency, effort, churn and topic, "
                    + "the same object as `attune read --json` prints (docs/reading-json.md).";
            }
            return Task.CompletedTask;
        }));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = ApiLimits.MaxBodyBytes);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
    }

    public static void AddAttuneJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<WebhookDispatcher>(c => c.Timeout = TimeSpan.FromSeconds(10));
        if (builder.Configuration.GetValue("Webhooks:Enabled", true))
        {
            builder.Services.AddHostedService<WebhookJob>();
        }
        if (builder.Configuration.GetValue("Routing:Enabled", true))
        {
            builder.Services.AddHostedService<RoutingJob>();
        }
    }

    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDb>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Attune.Startup");
        await DatabaseSetup.MigrateAsync(db, app.Lifetime.ApplicationStopping);
        log.LogInformation("Database ready ({Provider})", scope.ServiceProvider.GetRequiredService<DatabaseOptions>().Provider);
        if (app.Configuration.GetValue("Demo:Seed", true))
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
                .SeedAsync(app.Configuration.GetValue("Demo:RandomSeed", 42), app.Lifetime.ApplicationStopping);
            if (seeded.Seeded)
            {
                log.LogInformation("Demo organisation ready; demo API key: {Key}", DemoSeeder.DemoApiKey);
            }
            if (app.Configuration.GetValue("Demo:Users", true))
            {
                await scope.ServiceProvider.GetRequiredService<DemoUsers>().SeedAsync(app.Lifetime.ApplicationStopping);
            }
        }
    }
}

internal static class ApiLimits
{
    public const long MaxBodyBytes = 16 * 1024 * 1024;
}
