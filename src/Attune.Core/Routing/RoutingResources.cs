using Attune.Core.Resources;
using Attune.Core.Routing.SelfService;

namespace Attune.Core.Routing;

/// <summary>The routing resources Attune ships.</summary>
public static class RoutingResources
{
    /// <summary>The default routing policy as YAML text (docs/routing-policy.md); hosts parse it into a
    /// <see cref="RoutingPolicy"/> (Core stays free of a YAML library: ADR 0001).</summary>
    public static string DefaultPolicyYaml => EmbeddedResource.ReadText("routing/default-policy.yaml");

    /// <summary>The demo knowledge base (a few how-to articles).</summary>
    public static KnowledgeBase DemoKnowledge => KnowledgeBase.Demo();
}
