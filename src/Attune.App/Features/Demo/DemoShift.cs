using Attune.App.Data;
using Attune.App.Features.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Demo;

/// <summary>The demo agent's shift so far today: a run of heavier conversations then lighter ones, so that My day shows
/// load rising and recovering. Relative to now, like the rest of the demo.</summary>
internal static class DemoShift
{
    public const string Agent = "Sara Janssen";

    private static readonly (string Scenario, string Customer, string Region, int Turns)[] Work =
    [
        ("question", "Lucy Chen", "US", 0),
        ("billing-error-angry", "Grace Holloway", "GB", 0),
        ("repeated-contact", "Peter Lindqvist", "NL", 0),
        ("billing-error-angry", "Dana Whitfield", "US", 0),
        ("delivery", "Tariq Aziz", "GB", 0),
        ("billing-error-angry", "Hugo Brandt", "DE", 0),
        ("repeated-contact", "Maya Rossi", "US", 0),
        ("delivery", "Omar Haddad", "GB", 0),
        ("question", "Ben Carter", "GB", 0),
        ("repeated-contact", "Noah Fischer", "DE", 3),
        ("billing-error", "Ella Ward", "GB", 1),
    ];

    public static async Task<int> SeedAsync(AttuneDb db, IngestMessage ingest, DateTimeOffset now, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Name == Agent, ct);
        if (agent is null)
        {
            return 0;
        }
        var messages = 0;
        var start = now - TimeSpan.FromHours(4);
        for (var i = 0; i < Work.Length; i++)
        {
            var (name, customer, region, limit) = Work[i];
            var scenario = DemoScenarios.All.First(s => s.Name == name);
            var thread = $"shift-{i + 1:D2}";
            var turns = limit == 0 ? scenario.Turns.Length : Math.Min(limit, scenario.Turns.Length);
            var at = start + TimeSpan.FromMinutes(i * 21);
            for (var t = 0; t < turns; t++)
            {
                var isCustomer = t % 2 == 0;
                var text = scenario.Turns[t].Replace("{product}", "Fibre 500", StringComparison.Ordinal).Replace("{amount}", "84.20 EUR", StringComparison.Ordinal);
                var result = await ingest.HandleAsync(new IngestMessageRequest(
                    DemoSeeder.Source, $"{thread}-m{t + 1}", text,
                    new CustomerRef($"cus-shift-{i + 1}", customer, null, null, null, region, null),
                    thread, scenario.Channel, isCustomer ? "customer" : "agent", at + TimeSpan.FromMinutes(t * 7),
                    isCustomer ? null : agent.Email, scenario.Desk, null, scenario.Tags,
                    Status: t == scenario.Turns.Length - 1 ? "resolved" : null), ct);
                if (!result.IsOk)
                {
                    throw new InvalidOperationException($"Demo shift message failed: {result.Error}");
                }
                messages++;
            }
            await db.Conversations.Where(c => c.Source == DemoSeeder.Source && c.ExternalId == thread)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeId, agent.Id), ct);
        }
        return messages;
    }
}
