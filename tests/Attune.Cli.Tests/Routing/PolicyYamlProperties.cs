using Attune.App.Routing;
using FsCheck.Xunit;

namespace Attune.Cli.Tests.Routing;

/// <summary>Whatever a person types, the policy reader answers with a policy or with problems, never a crash.</summary>
public class PolicyYamlProperties
{
    [Property(MaxTest = 300)]
    public bool AnyText_GivesAPolicyOrProblems(string? text)
    {
        var (policy, problems) = PolicyYaml.Check(text ?? "");
        return (policy is null) == (problems.Count > 0) && problems.All(p => p.Line >= 0 && p.Field.Length > 0);
    }

    [Property(MaxTest = 300)]
    public bool DefaultPolicy_WithACharacterRemoved_GivesAPolicyOrProblems(ushort position)
    {
        var text = Core.Routing.RoutingResources.DefaultPolicyYaml;
        var i = position % text.Length;
        var (policy, problems) = PolicyYaml.Check(text.Remove(i, 1));
        return (policy is null) == (problems.Count > 0);
    }

    [Property(MaxTest = 200)]
    public bool AgentsFile_AnyText_ParsesOrNamesProblems(string? text)
    {
        try
        {
            return AgentsFile.Parse(text ?? "", "a.yaml").Length > 0;
        }
        catch (YamlFileException e)
        {
            return e.Problems.Count > 0;
        }
    }
}
