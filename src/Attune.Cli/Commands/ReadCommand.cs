using System.CommandLine;
using Attune.Cli.Output;
using Attune.Cli.Rendering;
using Attune.Core.Listening;

namespace Attune.Cli.Commands;

/// <summary>`attune read "text" [--json]`: one message, read and explained.</summary>
internal static class ReadCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("text")
        {
            Description = "The message to read. \"-\" (or nothing, when input is piped) reads it from standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Print the reading as JSON (see docs/reading-json.md)." };
        var command = new Command("read", "Read one customer message: sentiment, emotions, vulnerability, urgency, effort, churn and topic, with evidence.")
        {
            text,
            json,
        };
        command.SetAction(parse => Run(Consoles.Of(parse), parse.GetValue(text), parse.GetValue(json)));
        return command;
    }

    private static int Run(CliInvocation io, string? text, bool json)
    {
        if (text is null or "-")
        {
            if (text is null && io.Terminal.Input)
            {
                io.Error.WriteLine("attune read: give the message to read, e.g. attune read \"my parcel never came\", or pipe it in (attune read - < message.txt).");
                return CliApp.Unusable;
            }
            text = io.Input.ReadToEnd();
        }
        var reading = Listener.Default.Read(text);
        if (json)
        {
            io.Output.WriteLine(ReadingJson.Serialize(reading, indented: true));
        }
        else
        {
            io.Out().Write(ReadingPanel.Create(text, reading, styled: io.Terminal.Output));
        }
        return CliApp.Ok;
    }
}
