using System.CommandLine;
using Attune.App.Routing;
using Attune.Cli.Rendering;
using Attune.Core.Routing;

namespace Attune.Cli.Commands;

/// <summary>`attune policy check FILE` and `attune policy default`: validate a routing policy, print the built-in one.</summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The routing policy YAML file." };
        var check = new Command("check", "Validate a routing policy: every problem with its line, field and what is allowed. Exit 0 when it may be activated.") { file };
        check.SetAction(parse => Check(Consoles.Of(parse), parse.GetValue(file)!));
        var show = new Command("default", "Print Attune's default routing policy (YAML), to start your own from.");
        show.SetAction(parse =>
        {
            Consoles.Of(parse).Output.Write(RoutingResources.DefaultPolicyYaml);
            return CliApp.Ok;
        });
        return new Command("policy", "Routing policies: check one, or print the default (docs/routing-policy.md).") { check, show };
    }

    private static int Check(CliInvocation io, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"attune policy check: cannot read '{path}': {e.Message}");
            return CliApp.Unusable;
        }
        var (policy, problems) = PolicyYaml.Check(text);
        if (policy is null)
        {
            foreach (var problem in problems)
            {
                io.Error.WriteLine($"{path}: {problem}");
            }
            io.Error.WriteLine($"{problems.Count} problem(s): the policy cannot be activated.");
            return CliApp.Unusable;
        }
        io.Output.WriteLine($"{path}: valid: {policy.Name} {policy.Version}, {policy.Rules.Length} rules, {policy.Desks.Length} desks, {policy.Slas.Count} SLA profiles.");
        return CliApp.Ok;
    }
}
