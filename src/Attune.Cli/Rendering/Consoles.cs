using System.CommandLine;
using Spectre.Console;

namespace Attune.Cli.Rendering;

/// <summary>The invocation's streams, and Spectre consoles over them that only use colour on a terminal.</summary>
internal static class Consoles
{
    /// <summary>Width used when the output is not a terminal (files, pipes, tests).</summary>
    public const int RedirectedWidth = 100;

    public static CliInvocation Of(ParseResult parse) =>
        parse.InvocationConfiguration as CliInvocation ?? new CliInvocation
        {
            Output = parse.InvocationConfiguration.Output,
            Error = parse.InvocationConfiguration.Error,
            Input = System.Console.In,
            Terminal = Terminal.Detect(),
        };

    public static IAnsiConsole Create(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }
        return console;
    }

    public static IAnsiConsole Out(this CliInvocation invocation) => Create(invocation.Output, invocation.Terminal.Output);

    public static IAnsiConsole Err(this CliInvocation invocation) => Create(invocation.Error, invocation.Terminal.Error);
}
