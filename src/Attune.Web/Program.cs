using Attune.Web.Features.Conversations;
using Attune.Web.Features.Customers;
using Attune.Web.Features.Docs;
using Attune.Web.Features.Health;
using Attune.Web.Features.Ingestion;
using Attune.Web.Features.Organisation;
using Attune.Web.Features.Security;
using Attune.Web.Features.Webhooks;
using Attune.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
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

await app.RunAsync();

/// <summary>The entry point, visible so integration tests can host the app.</summary>
public partial class Program;
