using System.CommandLine;
using Attune.Web;

namespace Attune.Cli.Commands;

/// <summary>`attune serve`: the same server as `dotnet run --project src/Attune.Web`.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen. Default: http://localhost:5000." };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not seed the demo organisation into an empty database." };
        var command = new Command("serve", "Run the Attune server (REST API, OpenAPI reference at /api/docs).") { urls, noDemo };
        command.SetAction(async (parse, ct) =>
        {
            List<string> args = [];
            if (parse.GetValue(urls) is { } u)
            {
                args.Add($"--Urls={u}");
            }
            if (parse.GetValue(noDemo))
            {
                args.Add("--Demo:Seed=false");
            }
            var app = await AttuneHost.BuildAsync([.. args]);
            await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.RunAsync(app, ct);
            return CliApp.Ok;
        });
        return command;
    }
}
