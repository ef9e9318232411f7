using System.CommandLine;
using Attune.Cli.Commands;

namespace Attune.Cli;

/// <summary>Which of the standard streams are a terminal; decides colours, progress bars and stdin reading.</summary>
internal readonly record struct Terminal(bool Input, bool Output, bool Error)
{
    /// <summary>Nothing is a terminal: everything redirected, as in tests and pipes.</summary>
    public static Terminal None => default;

    /// <summary>The current process's streams.</summary>
    public static Terminal Detect() =>
        new(!System.Console.IsInputRedirected, !System.Console.IsOutputRedirected, !System.Console.IsErrorRedirected);
}

/// <summary>The streams of one invocation; commands get it from their <see cref="ParseResult"/>.</summary>
internal sealed class CliInvocation : InvocationConfiguration
{
    public required TextReader Input { get; init; }

    public required Terminal Terminal { get; init; }
}

/// <summary>The `attune` tool as a function of its arguments and streams, so tests run it in-process.</summary>
internal static class CliApp
{
    /// <summary>Exit code: everything went well.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: partly done (some bad rows skipped, good ones written).</summary>
    public const int Partial = 1;

    /// <summary>Exit code: unusable input or usage (missing file, unknown column, bad arguments).</summary>
    public const int Unusable = 2;

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Attune: empathy operations for customer-experience teams.");
        foreach (var command in AttuneCommands.All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin, Terminal terminal = default, CancellationToken cancellationToken = default)
    {
        var invocation = new CliInvocation { Output = stdout, Error = stderr, Input = stdin, Terminal = terminal };
        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"attune: {error.Message}");
            }
            stderr.WriteLine($"Run 'attune {string.Join(' ', CommandPath(parse.CommandResult))} --help' for usage.".Replace("  ", " ", StringComparison.Ordinal));
            return Task.FromResult(Unusable);
        }
        return parse.InvokeAsync(invocation, cancellationToken);
    }

    private static Stack<string> CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new Stack<string>();
        for (var r = result; r?.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent)
        {
            names.Push(r.Command.Name);
        }
        return names;
    }
}
