using Attune.App.Data;
using Attune.App.Features.Conversations;
using Attune.App.Features.Customers;
using Attune.App.Features.Demo;
using Attune.App.Features.Import;
using Attune.App.Features.Ingestion;
using Attune.App.Features.Organisation;
using Attune.App.Features.Security;
using Attune.App.Features.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Attune.App;

public static class AppServices
{
    /// <summary>Registers the database and every use case; the host adds its own TimeProvider or gets the system one.</summary>
    public static IServiceCollection AddAttuneApp(this IServiceCollection services, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddDbContextPool<AttuneDb>(database.Configure, poolSize: 256);
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<ConversationEvents>();
        services.AddSingleton<IngestWriter>();
        services.AddScoped<IngestMessage>();
        services.AddScoped<IngestBatch>();
        services.AddScoped<ImportRecords>();
        services.AddScoped<ConversationQueries>();
        services.AddScoped<ConversationCommands>();
        services.AddScoped<InboxQueries>();
        services.AddScoped<Features.Coaching.CoachingPreview>();
        services.AddScoped<CustomerQueries>();
        services.AddScoped<Features.Routing.RoutingPolicies>();
        services.AddScoped<Features.Routing.PolicyDrafts>();
        services.AddScoped<Features.Routing.PolicyComparisons>();
        services.AddScoped<RecordNeed>();
        services.AddScoped<EraseCustomer>();
        services.AddScoped<OrganisationQueries>();
        services.AddScoped<AgentProfiles>();
        services.AddScoped<Audit>();
        services.AddScoped<Users>();
        services.AddScoped<Sessions>();
        services.AddScoped<ApiKeys>();
        services.AddScoped<Webhooks>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Features.Demo.DemoUsers>();
        services.AddScoped<Jobs.ConversationRouter>();
        services.AddScoped<Jobs.SlaWatcher>();
        services.AddScoped<Features.Alerts.LeadAlerts>();
        services.AddScoped<Features.Knowledge.KnowledgeArticles>();
        services.AddScoped<Features.Insights.Scorecard>();
        services.AddScoped<Features.Insights.Team>();
        services.AddScoped<Features.Insights.MyDay>();
        return services;
    }
}
