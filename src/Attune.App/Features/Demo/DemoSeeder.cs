using System.Globalization;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Ingestion;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Attune.App.Features.Demo;

public sealed record DemoResult(bool Seeded, int Customers, int Conversations, int Messages);

/// <summary>
/// Builds the demo organisation from a fixed seed, so every fresh install shows the same people and stories.
/// Customer messages go through <see cref="IngestMessage"/>, so each one is read exactly as live traffic would be.
/// </summary>
public sealed class DemoSeeder(AttuneDb db, IngestMessage ingest, ApiKeys apiKeys, TimeProvider clock, ILogger<DemoSeeder> log)
{
    /// <summary>The demo API key printed in the README; it exists only in databases seeded in demo mode.</summary>
    public const string DemoApiKey = "atn_demo_2f6c1d9a7b3e4c5d8e9f0a1b";
    public const string Source = "demo";

    private static readonly (string Region, string Locale, string[] Names, string Currency)[] Regions =
    [
        ("JP", "ja-JP", ["Haruto Sato", "Yui Suzuki", "Ren Takahashi", "Aoi Tanaka", "Sota Watanabe"], "JPY"),
        ("KR", "ko-KR", ["Min-jun Kim", "Seo-yeon Lee", "Ji-ho Park", "Ha-eun Choi"], "KRW"),
        ("DE", "de-DE", ["Lukas Schmidt", "Anna Müller", "Jonas Weber", "Lea Fischer", "Felix Wagner"], "EUR"),
        ("NL", "nl-NL", ["Daan de Vries", "Sanne Jansen", "Bram Bakker", "Fleur Visser"], "EUR"),
        ("GB", "en-GB", ["Oliver Smith", "Amelia Jones", "George Taylor", "Isla Brown", "Harry Wilson", "Margaret Evans"], "GBP"),
        ("US", "en-US", ["James Johnson", "Emily Davis", "Michael Miller", "Olivia Garcia", "Ethan Moore", "Ava Martinez"], "USD"),
        ("BR", "pt-BR", ["João Silva", "Ana Souza", "Pedro Oliveira", "Mariana Costa"], "BRL"),
        ("MX", "es-MX", ["José García", "María Hernández", "Luis Martínez", "Sofía López"], "MXN"),
        ("FR", "fr-FR", ["Camille Martin", "Louis Bernard", "Chloé Dubois"], "EUR"),
        ("IN", "en-IN", ["Aarav Sharma", "Diya Patel", "Vivaan Gupta"], "INR"),
    ];

    private static readonly string[] Products = ["Attune Cloud", "Fibre 500", "Mobile Unlimited", "Smart Meter", "Business Suite", "Travel Card"];
    private static readonly string[] AccountNames = ["Northwind Traders", "Contoso Logistics", "Fabrikam Health", "Tailspin Toys", "Wingtip Energy", "Adatum Bank", "Litware Studio", "Proseware Retail"];

    public async Task<DemoResult> SeedAsync(int seed, CancellationToken ct)
    {
        if (await db.Desks.AnyAsync(ct))
        {
            return new DemoResult(false, 0, 0, 0);
        }
        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var desks = new[]
        {
            new Desk { Name = "General", Description = "Everyday questions, billing and orders." },
            new Desk { Name = "Care", Description = "Customers in vulnerable circumstances; trained specialists." },
            new Desk { Name = "Technical", Description = "Outages, access and product faults." },
            new Desk { Name = "Retention", Description = "Cancellations, churn risk and renewals." },
        };
        db.Desks.AddRange(desks);
        string[] agentNames = ["Mei Lin", "Sara Janssen", "Priya Nair", "Lucas Moreau", "Tom Becker", "Kenji Mori", "Hannah Clarke", "Diego Ramos", "Yuna Kang", "Ruth Adeyemi", "Marco Rossi", "Elif Yilmaz"];
        var agents = agentNames.Select((n, i) => new Agent
        {
            Name = n,
            Email = n.ToLowerInvariant().Replace(' ', '.') + "@example.com",
            Desk = desks[i % desks.Length],
            // Each desk's three agents between them speak every demo region's language.
            Languages = (i / desks.Length) switch { 0 => "en,ja,ko", 1 => "en,de,nl,fr", _ => "en,es,pt,fr" },
            // The default routing policy's desks (Support, Priority), worked by the demo's General and Technical teams.
            // Care specialists also take vulnerable customers whom the policy sends to Priority or Support.
            ExtraDesks = (i % desks.Length) switch { 0 => "Support", 1 or 2 => "Priority,Support", _ => "" },
            VulnerabilityTrained = desks[i % desks.Length].Name == "Care",
        }).ToList();
        db.Agents.AddRange(agents);
        var accounts = AccountNames.Select((n, i) => new Account
        {
            Name = n,
            Plan = (i % 3) switch { 0 => "Enterprise", 1 => "Business", _ => "Team" },
            RenewalDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(15 + (i * 23)),
            AnnualValue = 12_000 + (random.Next(1, 40) * 2_500),
            Currency = "EUR",
        }).ToList();
        db.Accounts.AddRange(accounts);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        await apiKeys.CreateAsync(new NewApiKey("Demo key (ingest, read)", [Scopes.Ingest, Scopes.Read]), "demo-seed", ct, DemoApiKey);

        int customers = 0, conversations = 0, messages = 0;
        foreach (var (region, locale, names, currency) in Regions)
        {
            for (var copy = 0; copy < 4; copy++)
            {
                foreach (var name in names)
                {
                    customers++;
                    var customerId = $"cus-{customers:D4}";
                    var email = $"{Slug(name)}{(copy == 0 ? "" : copy.ToString(CultureInfo.InvariantCulture))}@example.{region.ToLowerInvariant()}";
                    var account = random.NextDouble() < 0.3 ? accounts[random.Next(accounts.Count)] : null;
                    var count = 1 + random.Next(3);
                    for (var k = 0; k < count; k++)
                    {
                        var scenario = Pick(random, region);
                        conversations++;
                        var threadId = $"conv-{conversations:D5}";
                        var start = now - TimeSpan.FromHours(random.Next(1, 24 * 30));
                        var product = Products[random.Next(Products.Length)];
                        var amount = string.Create(CultureInfo.InvariantCulture, $"{random.Next(9, 400)}.{random.Next(10, 99)} {currency}");
                        var agent = agents.Where(a => a.DeskId == desks.First(d => d.Name == scenario.Desk).Id).ElementAt(random.Next(3));
                        // Recent conversations stop mid-way, so the inbox has open work; older ones run to the end.
                        var age = now - start;
                        var turns = age < TimeSpan.FromDays(5) ? 1 + random.Next(scenario.Turns.Length) : scenario.Turns.Length;
                        for (var t = 0; t < turns; t++)
                        {
                            var isCustomer = t % 2 == 0;
                            var text = scenario.Turns[t].Replace("{product}", product, StringComparison.Ordinal).Replace("{amount}", amount, StringComparison.Ordinal);
                            var result = await ingest.HandleAsync(new IngestMessageRequest(
                                Source, $"{threadId}-m{t + 1}", text,
                                new CustomerRef(customerId, name, email, null, null, region, locale),
                                threadId, scenario.Channel, isCustomer ? "customer" : "agent",
                                start + TimeSpan.FromMinutes((t * 47) + random.Next(30)),
                                isCustomer ? null : agent.Email, scenario.Desk, null, scenario.Tags), ct);
                            if (!result.IsOk)
                            {
                                throw new InvalidOperationException($"Demo message failed: {result.Error}");
                            }
                            messages++;
                        }
                        await FinishAsync(threadId, age, turns == scenario.Turns.Length, agent, ct);
                        if (scenario.RecordsNeed && k == 0)
                        {
                            await RecordNeedAsync(customerId, scenario, now, ct);
                        }
                    }
                    if (account is not null)
                    {
                        await db.Customers.Where(c => c.Source == Source && c.ExternalId == customerId)
                            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AccountId, account.Id), ct);
                    }
                }
            }
        }
        messages += await DemoShift.SeedAsync(db, ingest, now, ct);
        log.LogInformation("Seeded demo organisation: {Customers} customers, {Conversations} conversations, {Messages} messages", customers, conversations, messages);
        return new DemoResult(true, customers, conversations, messages);
    }

    private static Scenario Pick(Random random, string region)
    {
        var local = region switch
        {
            "DE" => "de-billing",
            "NL" => "nl-outage",
            "MX" => "es-billing",
            "BR" => "pt-cancel",
            _ => null,
        };
        if (local is not null && random.NextDouble() < 0.25)
        {
            return DemoScenarios.All.First(s => s.Name == local);
        }
        var english = DemoScenarios.All.Where(s => !s.Name.Contains('-', StringComparison.Ordinal) || s.Name is "billing-error" or "billing-error-angry" or "repeated-contact" or "churn-threat" or "job-loss" or "outage-social" or "bereavement-chat").ToArray();
        return english[random.Next(english.Length)];
    }

    private async Task FinishAsync(string threadId, TimeSpan age, bool complete, Agent agent, CancellationToken ct)
    {
        var status = !complete ? (ConversationStatus?)null
            : age > TimeSpan.FromDays(14) ? ConversationStatus.Closed
            : age > TimeSpan.FromDays(5) ? ConversationStatus.Resolved
            : null;
        var q = db.Conversations.Where(c => c.Source == Source && c.ExternalId == threadId);
        if (status is { } s)
        {
            await q.ExecuteUpdateAsync(x => x.SetProperty(c => c.Status, s).SetProperty(c => c.AssigneeId, agent.Id)
                .SetProperty(c => c.ResolvedAt, c => c.LastMessageAt), ct);
            return;
        }
        // Open work beyond the agent's capacity waits in the desk's queue, as it would under routing.
        var holding = await db.Conversations.CountAsync(c => c.AssigneeId == agent.Id
            && (c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending), ct);
        if (holding < agent.Capacity)
        {
            await q.ExecuteUpdateAsync(x => x.SetProperty(c => c.AssigneeId, agent.Id), ct);
        }
    }

    private async Task RecordNeedAsync(string customerId, Scenario scenario, DateTimeOffset now, CancellationToken ct)
    {
        var id = await db.Customers.Where(c => c.Source == Source && c.ExternalId == customerId).Select(c => c.Id).FirstAsync(ct);
        var (characteristic, note) = scenario.Name switch
        {
            "job-loss" => ("IncomeShock", "Lost job; payment break agreed. Prefers email."),
            _ => ("Bereavement", "Recently bereaved. Avoid reminders; contact by email only."),
        };
        db.Needs.Add(new RecordedNeed
        {
            CustomerId = id,
            Kind = "vulnerability",
            Characteristic = characteristic,
            Note = note,
            Consent = true,
            RecordedAt = now,
            ReviewDate = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(6),
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string Slug(string name) =>
        new([.. name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter)]);
}
