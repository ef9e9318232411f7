using System.CommandLine;
using System.Text.Json;
using Attune.Cli.Evaluation;
using Attune.Cli.Output;
using Attune.Cli.Rendering;
using Attune.Core.Listening;

namespace Attune.Cli.Commands;

/// <summary>`attune eval vader|goemotions|banking77 --data DIR`: Attune's figures beside the published anchors.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "vader, goemotions or banking77." };
        dataset.AcceptOnlyFromAmong("vader", "goemotions", "banking77");
        var data = new Option<string>("--data")
        {
            Description = "The folder holding the data sets (with vader/, goemotions/, banking77/ inside).",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("eval", "Evaluate Attune on a public data set and print its figures beside the published anchors.")
        {
            dataset,
            data,
            json,
        };
        command.SetAction(parse => Run(Consoles.Of(parse), parse.GetValue(dataset)!, parse.GetValue(data)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(CliInvocation io, string dataset, string dataDir, bool json)
    {
        if (!Directory.Exists(dataDir))
        {
            io.Error.WriteLine($"attune eval: data folder not found: '{dataDir}'. Give the folder that holds vader/, goemotions/ and banking77/ with --data DIR.");
            return CliApp.Unusable;
        }
        if (dataset == "banking77")
        {
            io.Output.WriteLine("banking77: not evaluated. Attune's topic reading uses its own coarse topics (billing, refund, delivery, …), not Banking77's 77 intents, so there is no like-for-like figure to report.");
            return CliApp.Ok;
        }
        EvalReport report;
        try
        {
            report = dataset == "vader" ? VaderEvaluation.Run(dataDir, Listener.Default) : GoEmotionsEvaluation.Run(dataDir, Listener.Default);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            io.Error.WriteLine($"attune eval: cannot evaluate {dataset} from '{dataDir}': {e.Message}");
            return CliApp.Unusable;
        }
        if (json)
        {
            io.Output.WriteLine(JsonSerializer.Serialize(report, ReadingJson.Indented.EvalReport));
        }
        else
        {
            io.Out().Write(EvalTable.Create(report));
        }
        return CliApp.Ok;
    }
}
