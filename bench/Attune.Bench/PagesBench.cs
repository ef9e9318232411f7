using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attune.App.Features.Demo;
using Attune.Web;

namespace Attune.Bench;

/// <summary>
/// `pages`: server time of each web page on the demo data. A real server (Kestrel, SQLite, demo organisation) is
/// asked for each page as a signed-in person; the time to the complete server-rendered HTML (the page's data loads
/// included) is what a person waits before the page shows. Options: --rounds N (30 timed requests per page).
/// </summary>
internal static partial class PagesBench
{
    private const int Warmup = 3;

    public static int Run(string[] args)
    {
        var rounds = args is ["--rounds", var r] ? int.Parse(r, CultureInfo.InvariantCulture) : 30;
        return RunAsync(rounds).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int rounds)
    {
        var file = Path.Combine(Path.GetTempPath(), $"attune-pages-{Guid.NewGuid():N}.db");
        var app = await AttuneHost.BuildAsync(
        [
            "--Urls=http://127.0.0.1:0", "--Database:Provider=Sqlite", $"--ConnectionStrings:Attune=Data Source={file}",
            "--Webhooks:Enabled=false", "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Urls.First());
            using var api = new HttpClient { BaseAddress = address };
            api.DefaultRequestHeaders.Add("X-Api-Key", DemoSeeder.DemoApiKey);
            var conversation = await FirstVulnerableConversationAsync(api);

            (string Who, string Path)[] pages =
            [
                ("agent@attune.demo", "/inbox"),
                ("agent@attune.demo", $"/conversations/{conversation}"),
                ("agent@attune.demo", "/my-day"),
                ("lead@attune.demo", "/team"),
                ("lead@attune.demo", "/dashboard"),
                ("lead@attune.demo", "/policies"),
                ("admin@attune.demo", "/settings"),
            ];
            Console.WriteLine($"Page server time on the demo data: {rounds} requests per page after {Warmup} warm-up, {Environment.ProcessorCount} cores (bar: < 300 ms)");
            Console.WriteLine($"{"page",-24} {"as",-20} {"status",6} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"KB",6}");
            var worst = 0.0;
            foreach (var group in pages.GroupBy(p => p.Who))
            {
                using var client = await SignInAsync(address, group.Key);
                foreach (var (who, path) in group)
                {
                    var (status, times, bytes) = await TimeAsync(client, path, rounds);
                    Array.Sort(times);
                    var p95 = times[(int)Math.Ceiling(times.Length * 0.95) - 1];
                    worst = Math.Max(worst, p95);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{path,-24} {who,-20} {(int)status,6} {times[times.Length / 2],8:0.0} {p95,8:0.0} {times[^1],8:0.0} {bytes / 1024.0,6:0}"));
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Slowest p95: {worst:0.0} ms"));
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    private static async Task<long> FirstVulnerableConversationAsync(HttpClient api)
    {
        using var doc = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/conversations?vulnerable=true&pageSize=1", UriKind.Relative)));
        return doc.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    private static async Task<HttpClient> SignInAsync(Uri address, string email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        var token = Token().Match(form).Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = DemoUsers.Password,
        });
        using var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    private static async Task<(HttpStatusCode Status, double[] Times, long Bytes)> TimeAsync(HttpClient client, string path, int rounds)
    {
        var uri = new Uri(path, UriKind.Relative);
        var times = new double[rounds];
        HttpStatusCode status = default;
        long bytes = 0;
        for (var i = -Warmup; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(uri);
            var html = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            status = response.StatusCode;
            bytes = html.Length;
            if (i >= 0)
            {
                times[i] = watch.Elapsed.TotalMilliseconds;
            }
        }
        return (status, times, bytes);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
