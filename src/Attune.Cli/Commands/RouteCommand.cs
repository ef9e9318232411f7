using System.CommandLine;
using System.Text.Json;
using Attune.App.Routing;
using Attune.Cli.Rendering;
using Attune.Core.Listening;
using Attune.Core.Routing;
using Attune.Core.Routing.SelfService;

namespace Attune.Cli.Commands;

/// <summary>`attune route "text"`: where one message goes under a policy, and why.</summary>
internal static class RouteCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "The customer's message." };
        var policy = new Option<string>("--policy") { Description = "A routing policy YAML file, or 'default'.", DefaultValueFactory = _ => "default" };
        var channel = new Option<string>("--channel") { Description = "The channel: chat, email, phone, social….", DefaultValueFactory = _ => "chat" };
        var region = new Option<string>("--region") { Description = "The customer's region code.", DefaultValueFactory = _ => "" };
        var at = new Option<DateTimeOffset?>("--at") { Description = "The moment of routing (ISO 8601); default: now." };
        var json = new Option<bool>("--json") { Description = "Print the decision as JSON." };
        var command = new Command("route", "Route one message under a policy: desk, priority, mode, SLA due times, playbook and the explanation.")
        {
            text, policy, channel, region, at, json,
        };
        command.SetAction(parse => Run(Consoles.Of(parse), parse.GetValue(text)!, parse.GetValue(policy)!, parse.GetValue(channel)!, parse.GetValue(region)!, parse.GetValue(at), parse.GetValue(json)));
        return command;
    }

    private static int Run(CliInvocation io, string text, string policyPath, string channel, string region, DateTimeOffset? at, bool json)
    {
        RoutingPolicy policy;
        try
        {
            policy = policyPath == "default" ? PolicyYaml.Default() : PolicyYaml.Parse(File.ReadAllText(policyPath), policyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlFileException)
        {
            io.Error.WriteLine($"attune route: {(e is YamlFileException ? e.Message : $"cannot read policy '{policyPath}': {e.Message}")}");
            return CliApp.Unusable;
        }
        var router = new PolicyRouter(policy, KnowledgeBase.Demo());
        var customer = CustomerContext.Unknown("cli") with { Region = region };
        var d = router.Route(new RoutingInput(Listener.Default.Read(text), customer, channel, at ?? DateTimeOffset.UtcNow, PersonRequest.Find(text), Text: text));
        if (json)
        {
            io.Output.WriteLine(JsonSerializer.Serialize(new
            {
                desk = d.Desk,
                priority = YamlReading.Snake(d.Priority.ToString()),
                mode = YamlReading.Snake(d.Mode.ToString()),
                sla = d.Sla.Name,
                firstReplyDue = d.FirstReplyDue,
                resolutionDue = d.ResolutionDue,
                playbook = d.Playbook,
                explanation = d.Explanation,
                rule = d.RuleId,
                policyVersion = d.PolicyVersion,
                needsTrainedAgent = d.NeedsTrainedAgent,
                guarantees = d.Guarantees,
                articles = d.Answer?.Articles.Select(a => new { id = a.Article.Id, title = a.Article.Title, score = Math.Round(a.Score, 3) }),
                handoff = d.Answer?.Handoff,
            }, JsonOptions));
            return CliApp.Ok;
        }
        var o = io.Output;
        o.WriteLine(d.Explanation);
        o.WriteLine($"  desk {d.Desk} · {YamlReading.Snake(d.Mode.ToString())} · priority {YamlReading.Snake(d.Priority.ToString())}{(d.NeedsTrainedAgent ? " · trained agent only" : "")}");
        o.WriteLine($"  SLA {d.Sla.Name}: first reply by {d.FirstReplyDue:yyyy-MM-dd HH:mm zzz}, resolution by {d.ResolutionDue:yyyy-MM-dd HH:mm zzz}");
        if (d.Playbook is not null)
        {
            o.WriteLine($"  playbook {d.Playbook}");
        }
        if (d.Answer is { } answer)
        {
            foreach (var a in answer.Articles)
            {
                o.WriteLine($"  article: {a.Article.Title} ({a.Article.Id})");
            }
            o.WriteLine($"  [{answer.Handoff}]");
        }
        o.WriteLine($"  rule {d.RuleId} of {policy.Name} {d.PolicyVersion}");
        return CliApp.Ok;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
