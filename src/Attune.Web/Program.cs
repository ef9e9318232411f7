using Attune.Web;

var app = await AttuneHost.BuildAsync(args);
await app.RunAsync();

/// <summary>The entry point, visible so integration tests can host the app.</summary>
public partial class Program;
