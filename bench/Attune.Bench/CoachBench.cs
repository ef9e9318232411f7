using System.Diagnostics;
using System.Globalization;
using Attune.Core.Coaching;

namespace Attune.Bench;

/// <summary>`coach`: <see cref="Coach.Assess"/> on one thread over replies of typical length (built in, so it runs
/// without data), each against its customer message, reporting assessments/second and bytes allocated/assessment.
/// The context is built once per conversation, as when an agent's draft is re-assessed on every keystroke pause;
/// a second figure includes reading the customer's message for every assessment.</summary>
internal static class CoachBench
{
    private static readonly (string Customer, string Reply, string? Region)[] Cases =
    [
        ("My husband passed away last month and I need to close his account.", "I'm so sorry for your loss. I will close the account for you today and send written confirmation by Friday. My name is Ana and you can reply to me directly with anything else.", "GB"),
        ("You charged me twice this month! I want my money back.", "I'm sorry you were charged twice. I've refunded the second charge of $29.99 and it will be back on your card within 3 business days.", "US"),
        ("Third time I'm writing about this. If it isn't fixed by Friday I'm switching provider.", "We understand your frustration and apologize for any inconvenience. Your call is important to us.", null),
        ("Where is my parcel? It was due on Monday.", "As mentioned in my previous email, you should have selected express shipping. Per our policy we cannot change the delivery date.", "DE"),
        ("My order arrived broken.", "We are terribly sorry. We sincerely apologize. Please accept our deepest apologies for this. We are so sorry.", "JP"),
        ("How do I change my delivery address?", "To change your delivery address, open Orders, choose the order and select Edit address. If the parcel has already shipped, reply here and I'll ask the courier to redirect it today.", "NL"),
        ("The app has been down all morning and my team can't work.", "I can see the app has been down since 9am and that your team is blocked. Our engineers are restoring the service now; I'll update you within the hour, even if it isn't fixed yet.", "KR"),
        ("Thank you so much, Maria was wonderful on the phone yesterday!", "Thank you for taking the time to tell us! I'll make sure Maria hears this today; it will make her week.", "BR"),
        ("I lost my job and can't pay this month's bill.", "I'm sorry to hear about your job. I've paused your payments for 60 days with no fees, and I'll call you on 3 June to agree a plan that works for you. How are you holding up?", "GB"),
        ("Did my refund go through?", "Unfortunately there is nothing we can do. Please check the terms and conditions.", "FR"),
        ("hey can u help me reset my password", "Sure! Please click 'Forgot password' on the sign-in page and follow the link we email you. It's valid for 30 minutes.", "MX"),
        ("The technician never showed up and I took a day off work for it.", "I'm really sorry, that must have been so frustrating after taking a day off. I've booked a priority visit for tomorrow between 8 and 10am and credited $50 to your account. I'll call you tonight to confirm.", "IN"),
    ];

    public static int Run(string[] args)
    {
        BenchArgs options;
        try
        {
            options = BenchArgs.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"coach: {e.Message}");
            return 2;
        }
        var coach = Coach.Default;
        var contexts = Cases.Select(c => CoachingContext.For(c.Customer, c.Region)).ToArray();
        const int PerRound = 20_000;
        var chars = Cases.Sum(c => c.Reply.Length) / Cases.Length;
        Console.WriteLine($"Attune coach benchmark: Coach.Assess on one thread, {options.Rounds} rounds of {PerRound} assessments after warm-up");
        Console.WriteLine($"corpus: {Cases.Length} replies, {chars} characters per reply on average, each against its customer message");

        var checksum = 0L;
        for (var w = 0; w < 3; w++)
        {
            checksum += AssessMany(coach, contexts, PerRound, freshContext: false);
        }
        var rates = new List<double>();
        var bytes = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            checksum += AssessMany(coach, contexts, PerRound, freshContext: false);
            clock.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            rates.Add(PerRound / clock.Elapsed.TotalSeconds);
            bytes.Add(allocated / (double)PerRound);
            Console.WriteLine($"round {round}: {rates[^1],10:0} assessments/s  {1e6 / rates[^1],7:0.00} µs  {bytes[^1],8:0} B/assessment");
        }

        var fresh = Stopwatch.StartNew();
        var freshAllocated = GC.GetAllocatedBytesForCurrentThread();
        checksum += AssessMany(coach, contexts, PerRound / 4, freshContext: true);
        fresh.Stop();
        freshAllocated = GC.GetAllocatedBytesForCurrentThread() - freshAllocated;

        var rate = Median(rates);
        Console.WriteLine($"assessments/second: {rate:0} (median of {options.Rounds} rounds; context reused per conversation)");
        Console.WriteLine($"bytes allocated/assessment: {Median(bytes):0}");
        Console.WriteLine($"assessments/second with the customer message read every time: {PerRound / 4 / fresh.Elapsed.TotalSeconds:0} ({freshAllocated / (double)(PerRound / 4):0} B/assessment)");
        Console.WriteLine($"(checksum {checksum})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT assessments_per_s={rate:0}"));
        return 0;
    }

    private static long AssessMany(Coach coach, CoachingContext[] contexts, int count, bool freshContext)
    {
        var sum = 0L;
        for (var i = 0; i < count; i++)
        {
            var k = i % Cases.Length;
            var context = freshContext ? CoachingContext.For(Cases[k].Customer, Cases[k].Region) : contexts[k];
            sum += coach.Assess(Cases[k].Reply, context).Score;
        }
        return sum;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
