using System.Collections.Immutable;

namespace Attune.Core.Routing.Simulation;

/// <summary>One generated customer message, before reading.</summary>
/// <param name="Id">The conversation id ("g000001"…).</param>
/// <param name="Customer">The customer.</param>
/// <param name="Channel">The channel.</param>
/// <param name="CreatedAt">When the customer wrote.</param>
/// <param name="Text">The message.</param>
public sealed record GeneratedMessage(string Id, CustomerContext Customer, string Channel, DateTimeOffset CreatedAt, string Text);

/// <summary>Generates a deterministic day or week of support traffic for the simulator: a realistic mix of routine
/// questions, billing and delivery problems, anger, churn threats, outages, requests for a person and vulnerable
/// customers (bereavement, illness, income shock, debt), arriving mostly in office hours. Same arguments, same traffic.</summary>
public static class TrafficGenerator
{
    // (weight, text): weights are per mille of traffic; the mix is an illustration, not measured data.
    private static readonly (int Weight, string Text)[] Templates =
    [
        (120, "How do I reset my password?"),
        (80, "How can I download my invoice for last month?"),
        (70, "Where can I track my order?"),
        (60, "How do I change my payment card?"),
        (50, "Can I upgrade my plan?"),
        (40, "How do I update my address?"),
        (60, "I was charged twice this month, please refund the extra payment."),
        (50, "My parcel still hasn't arrived and it was due last week."),
        (40, "The app keeps crashing when I open my account page."),
        (35, "This is the third time I'm contacting you about this. If it isn't fixed by Friday I'm switching to another provider."),
        (30, "I want to cancel my subscription, I've found a cheaper deal elsewhere."),
        (35, "This is absolutely ridiculous, I am furious with your useless service!"),
        (30, "Can I speak to a real person please? The bot isn't helping."),
        (25, "Our website is down and none of our customers can log in. We are losing money every minute!"),
        (20, "I need this sorted today, my payment is due tomorrow."),
        (30, "My husband passed away last month and I need to close his account."),
        (15, "My mum died recently and I'm struggling to deal with her bills."),
        (20, "I've just lost my job and I can't afford this month's payment."),
        (15, "I'm in hospital having cancer treatment and can't get to the bank."),
        (15, "I'm behind on my payments and the debt collectors keep calling me. I don't know what to do."),
        (10, "I'm partially sighted and I can't read your letters, can you send them in large print?"),
        (30, "Thanks so much, the engineer was brilliant and fixed everything."),
        (25, "I already told your agent this twice. Nobody has called me back."),
        (25, "I'm confused about the new charges on my bill, can you explain them?"),
    ];

    private static readonly string[] Regions = ["uk", "uk", "uk", "eu", "eu", "us", "jp", "br"];
    private static readonly string[] Channels = ["chat", "chat", "chat", "email", "email", "phone", "social"];

    // Hour-of-day weights (UTC): quiet nights, a morning peak and a long afternoon.
    private static readonly int[] HourWeights = [1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 15, 13, 12, 13, 14, 13, 11, 9, 7, 5, 4, 3, 2, 1];

    /// <summary>Generates <paramref name="count"/> messages spread over <paramref name="days"/> days from
    /// <paramref name="start"/> (weekends at a third of weekday volume).</summary>
    /// <param name="count">How many messages (0 or more).</param>
    /// <param name="start">The first day's midnight (UTC is used).</param>
    /// <param name="days">How many days (1 = a day, 7 = a week).</param>
    /// <param name="seed">The seed; the same seed gives the same traffic.</param>
    public static ImmutableArray<GeneratedMessage> Generate(int count, DateTimeOffset start, int days, ulong seed = 20261123)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var random = new SplitMix64(seed);
        var dayWeights = new int[days];
        for (var d = 0; d < days; d++)
        {
            var day = start.AddDays(d).DayOfWeek;
            dayWeights[d] = day is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 3;
        }
        var templateTotal = Templates.Sum(t => t.Weight);
        var origin = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero);
        var result = ImmutableArray.CreateBuilder<GeneratedMessage>(count);
        for (var i = 0; i < count; i++)
        {
            var day = Pick(dayWeights, random.Next(dayWeights.Sum()));
            var hour = Pick(HourWeights, random.Next(HourWeights.Sum()));
            var at = origin.AddDays(day).AddHours(hour).AddSeconds(random.Next(3600));
            var roll = random.Next(templateTotal);
            var text = Templates[^1].Text;
            foreach (var (weight, t) in Templates)
            {
                if (roll < weight)
                {
                    text = t;
                    break;
                }
                roll -= weight;
            }
            var value = (decimal)(random.Next(20) == 0 ? 50_000 + random.Next(200_000) : 100 + random.Next(5_000));
            DateOnly? renewal = random.Next(4) == 0 ? DateOnly.FromDateTime(at.UtcDateTime).AddDays(random.Next(120)) : null;
            var customer = new CustomerContext($"cust-{random.Next(count / 2 + 1):D6}", Regions[random.Next(Regions.Length)], value, renewal, random.Next(10) == 0 ? 1 : 0, []);
            result.Add(new GeneratedMessage($"g{i + 1:D6}", customer, Channels[random.Next(Channels.Length)], at, text));
        }
        return result.MoveToImmutable();
    }

    /// <summary>The distinct message texts the generator uses (to read each once).</summary>
    public static ImmutableArray<string> Texts => [.. Templates.Select(t => t.Text)];

    private static int Pick(int[] weights, int roll)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
            {
                return i;
            }
            roll -= weights[i];
        }
        return weights.Length - 1;
    }
}
