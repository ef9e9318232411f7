using System.CommandLine;
using Attune.Cli.Commands;

var root = new RootCommand("Attune: empathy operations for customer-experience teams.");
foreach (var command in AttuneCommands.All())
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
