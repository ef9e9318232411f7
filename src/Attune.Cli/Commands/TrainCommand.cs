using System.CommandLine;
using Attune.Cli.Rendering;
using Attune.Cli.Training;

namespace Attune.Cli.Commands;

/// <summary>`attune train emotions|sentiment --data DIR --out PATH`: rebuilds a model resource from the train/dev
/// splits, so every shipped model is reproducible.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "emotions or sentiment." };
        model.AcceptOnlyFromAmong("emotions", "sentiment");
        var data = new Option<string>("--data") { Description = "The folder holding the data sets.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the trained resource.", Required = true };
        var command = new Command("train", "Train a model resource from the train/dev splits of the public data.")
        {
            model,
            data,
            output,
        };
        command.SetAction(parse => Run(Consoles.Of(parse), parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(output)!));
        return command;
    }

    private static int Run(CliInvocation io, string model, string dataDir, string outPath)
    {
        if (!Directory.Exists(dataDir))
        {
            io.Error.WriteLine($"attune train: data folder not found: '{dataDir}'.");
            return CliApp.Unusable;
        }
        try
        {
            return model == "emotions"
                ? EmotionTraining.Run(dataDir, outPath, io.Output)
                : SentimentTraining.Run(dataDir, outPath, io.Output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            io.Error.WriteLine($"attune train: {model}: {e.Message}");
            return CliApp.Unusable;
        }
    }
}
