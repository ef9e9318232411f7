using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Features.Ingestion;
using Attune.App.Features.Security;
using Attune.Core.Listening;
using Attune.Web;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Attune.Bench;

/// <summary>
/// `ingest`: the full ingest path (HTTP over loopback, auth, validate, read, persist, update conversation) against
/// the same database's raw INSERT rate for the same rows: raw at several connection counts, ingest at several client
/// counts, each ingest against the best raw rate (and the raw rate at its own count where that was measured).
/// Options: --messages N (20000), --clients LIST (16,64,128), --raw-connections LIST (1,4,8,16,32,64,128), --batch B
/// (1: one message per request; B > 1 posts /messages:batch with B messages each), --database sqlite|postgres|both (both), --writers W (Database:IngestWriters
/// for PostgreSQL, 2), --postgres CONNECTION (or $ATTUNE_BENCH_POSTGRES / $ATTUNE_TEST_POSTGRES).
/// </summary>
internal static class IngestBench
{
    private const string Key = "atn_bench_0123456789abcdef01234567";

    public static int Run(string[] args)
    {
        var messages = 20000;
        int[] clients = [16, 64, 128];
        int[] connections = [1, 4, 8, 16, 32, 64, 128];
        var perRequest = 1;
        var only = "both";
        var writers = "2";
        var postgres = Environment.GetEnvironmentVariable("ATTUNE_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("ATTUNE_TEST_POSTGRES");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--messages" when i + 1 < args.Length:
                    messages = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--clients" when i + 1 < args.Length && Counts(args[i + 1]) is { } c:
                    clients = c;
                    i++;
                    break;
                case "--raw-connections" when i + 1 < args.Length && Counts(args[i + 1]) is { } c:
                    connections = c;
                    i++;
                    break;
                case "--batch" when i + 1 < args.Length:
                    perRequest = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--database" when i + 1 < args.Length && args[i + 1] is "sqlite" or "postgres" or "both":
                    only = args[++i];
                    break;
                case "--writers" when i + 1 < args.Length:
                    writers = args[++i];
                    break;
                case "--postgres" when i + 1 < args.Length:
                    postgres = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"ingest: unknown or incomplete option '{args[i]}' (--clients and --raw-connections take positive counts separated by commas)");
                    return 2;
            }
        }
        var rows = Rows(messages);
        var costs = new List<string>();
        Console.WriteLine($"Ingest benchmark: {messages} messages in {messages / 4} conversations, "
            + $"{(perRequest == 1 ? "one message per request" : $"{perRequest} messages per /messages:batch request")}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"Raw INSERT (one autocommitted row each) at {string.Join(", ", connections)} connections; ingest/raw is against the best of them.");
        Console.WriteLine();
        if (only != "postgres")
        {
            var file = Path.Combine(Path.GetTempPath(), $"attune-bench-{Guid.NewGuid():N}.db");
            costs.AddRange(Measure("SQLite", new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file}"), rows, clients, connections, perRequest));
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }
        if (only != "sqlite" && !string.IsNullOrWhiteSpace(postgres))
        {
            var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = "attune_bench_" + Guid.NewGuid().ToString("N")[..8], MaxPoolSize = 400 };
            costs.AddRange(Measure("PostgreSQL", DatabaseOptions.From("Postgres", builder.ConnectionString, writers), rows, clients, connections, perRequest));
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(postgres);
            admin.Open();
            using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
        }
        else if (only != "sqlite")
        {
            Console.WriteLine("PostgreSQL: skipped (give --postgres CONNECTION or set ATTUNE_BENCH_POSTGRES).");
        }
        if (costs.Count == 0)
        {
            return 0;
        }
        // What each message costs whom, which throughput on shared cores hides. With the database on cores of its own
        // and enough Attune nodes in front of it, ingest would reach the "database-bound" column's share of the raw rate.
        Console.WriteLine();
        Console.WriteLine("CPU per message, µs: this process (HTTP clients, server, in-process SQLite) and the local PostgreSQL processes, raw at its best connections; methods compiled during the timed runs");
        Console.WriteLine($"{"database",-10} {"clients",7} {"ingest: process",16} {"database",9} {"raw: process",13} {"database",9} {"database-bound ingest/raw",26} {"JIT'd in runs",14}");
        costs.ForEach(Console.WriteLine);
        return 0;
    }

    // "16,64" → [16, 64]; null unless every item is a positive count.
    private static int[]? Counts(string list)
    {
        var items = list.Split(',', StringSplitOptions.TrimEntries);
        var counts = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!int.TryParse(items[i], NumberStyles.None, CultureInfo.InvariantCulture, out counts[i]) || counts[i] == 0)
            {
                return null;
            }
        }
        return counts;
    }

    private static IngestMessageRequest[] Rows(int n)
    {
        string[] texts =
        [
            "I was charged twice for my subscription this month. Please refund the duplicate payment.",
            "Your service has been down for three hours and our whole team can't work. This is urgent!",
            "My husband passed away last month and I need to close his account.",
            "Thanks, that fixed it. Great help!",
            "This is the third time I'm contacting you about my refund. Nobody called me back.",
            "If this isn't fixed by Friday we will cancel our contract.",
        ];
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, n).Select(i => new IngestMessageRequest(
            "bench", $"m-{i}", texts[i % texts.Length], new CustomerRef($"c-{i / 8}", $"Customer {i / 8}"), $"t-{i / 4}", "chat", "customer",
            start.AddSeconds(i)))];
    }

    // Ingest at each client count, then the raw rate at each connection count; each ingest is set against the best raw
    // rate. Prints the throughput lines; returns the CPU lines.
    private static List<string> Measure(string name, DatabaseOptions database, IngestMessageRequest[] rows, int[] clients, int[] connections, int perRequest)
    {
        // Ingest first: its server creates and migrates the database.
        var runs = IngestOverHttp(database, rows, clients, perRequest).GetAwaiter().GetResult();
        var raws = RawInsert(database, rows, connections).GetAwaiter().GetResult();
        var best = raws.MaxBy(r => r.Rate)!;
        Console.WriteLine($"{name}: raw INSERT rows/s by connections: "
            + string.Join(" · ", raws.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Connections}: {r.Rate:N0}")))
            + $" (best at {best.Connections})");
        Console.WriteLine($"{"database",-10} {"clients",7} {"ingest msg/s",13} {"p50 ms",8} {"p99 ms",8} {"ingest/raw best",16} {"ingest/raw same",16} {"HTTP floor req/s",17}");
        // SQLite runs inside this process, so only PostgreSQL has a database column.
        var pg = database.Provider == DatabaseProvider.Postgres;
        static string Us(double? us) => us?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";
        var costs = new List<string>();
        foreach (var run in runs)
        {
            var same = raws.FirstOrDefault(r => r.Connections == run.Clients) is { Rate: > 0 } s ? (run.Rate / s.Rate).ToString("P0", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-10} {run.Clients,7} {run.Rate,13:N0} {run.P50,8:N2} {run.P99,8:N2} {run.Rate / best.Rate,16:P0} {same,16} {run.Floor,17:N0}"));
            double? db = pg ? run.Cpu.Database : null, rawDb = pg ? best.Cpu.Database : null;
            var bound = db is > 0 && rawDb is { } r ? (r / db.Value).ToString("P0", CultureInfo.InvariantCulture) : "-";
            costs.Add($"{name,-10} {run.Clients,7} {Us(run.Cpu.Own),16} {Us(db),9} {Us(best.Cpu.Own),13} {Us(rawDb),9} {bound,26} {$"{run.Cpu.Compiled} / {best.Cpu.Compiled}",14}");
        }
        return costs;
    }

    private sealed record IngestRun(int Clients, double Rate, double P50, double P99, double Floor, CpuPerItem Cpu);

    private sealed record RawRun(int Connections, double Rate, CpuPerItem Cpu);

    // One server; each client count posts the rows under a source of its own, so no run meets another's messages.
    private static async Task<List<IngestRun>> IngestOverHttp(DatabaseOptions database, IngestMessageRequest[] rows, int[] clientCounts, int perRequest)
    {
        var port = FreePort();
        var app = await AttuneHost.BuildAsync([], b =>
        {
            b.Configuration["Urls"] = $"http://127.0.0.1:{port}";
            b.Configuration["Database:Provider"] = database.Provider.ToString();
            b.Configuration["Database:IngestWriters"] = database.IngestWriters.ToString(CultureInfo.InvariantCulture);
            b.Configuration["ConnectionStrings:Attune"] = database.ConnectionString;
            b.Configuration["Demo:Seed"] = "false";
            b.Configuration["Webhooks:Enabled"] = "false";
            // Routing is a background job after ingest, not part of it (the bar: validate, read, persist, update conversation).
            b.Configuration["Routing:Enabled"] = "false";
            b.Configuration["RateLimiting:IngestPerSecond"] = "10000000";
            b.Configuration["Logging:LogLevel:Default"] = "Warning";
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(new NewApiKey("bench", [Scopes.Ingest]), "bench", CancellationToken.None, Key);
        }
        await app.StartAsync();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        // Bodies are encoded before the clock starts, as a connector holding its queue would send them.
        byte[][] Bodies(IEnumerable<IngestMessageRequest> messages) => perRequest == 1
            ? [.. messages.Select(r => JsonSerializer.SerializeToUtf8Bytes(r, options))]
            : [.. messages.Chunk(perRequest).Select(c => JsonSerializer.SerializeToUtf8Bytes(new { messages = c }, options))];
        var path = perRequest == 1 ? "/api/v1/messages" : "/api/v1/messages:batch";
        var runs = new List<IngestRun>();
        foreach (var clients in clientCounts)
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Add("X-Api-Key", Key);
            // Latency is per request; the rate is per message.
            var bodies = Bodies(rows.Select(r => r with { Source = $"bench-{clients}" }));
            // Warm up on the same path (under other sources, so nothing collides).
            await WarmUpAsync(async round =>
            {
                var warm = Bodies(rows.Take(1000).Select(r => r with { Source = $"warmup-{clients}-{round}" }));
                await Drive(http, warm, path, clients, new long[warm.Length]);
            });
            var latencies = new long[bodies.Length];
            var cpu = new CpuMeter();
            var clock = Stopwatch.StartNew();
            await Drive(http, bodies, path, clients, latencies);
            clock.Stop();
            var spent = cpu.PerItem(rows.Length);
            // The HTTP floor: as many requests from the same clients to an endpoint that does no work (GET /health/live).
            await Drive(http, new byte[]?[2000], "/health/live", clients, new long[2000]);
            var floorClock = Stopwatch.StartNew();
            await Drive(http, new byte[]?[bodies.Length], "/health/live", clients, new long[bodies.Length]);
            floorClock.Stop();
            Array.Sort(latencies);
            double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
            runs.Add(new IngestRun(clients, rows.Length / clock.Elapsed.TotalSeconds, Ms(latencies[latencies.Length / 2]),
                Ms(latencies[(int)(latencies.Length * 0.99)]), bodies.Length / floorClock.Elapsed.TotalSeconds, spent));
        }
        await app.StopAsync();
        await app.DisposeAsync();
        return runs;
    }

    // Runs rounds until tiered compilation has settled: a server runs for days, so the timed run must not measure the
    // JIT. A round that compiles fewer than 20 methods is quiet; two in a row end the warm-up. After each round the
    // clients pause, so that the background tier-up, starved of CPU while they run, catches up and is counted: without
    // the pause, some runs looked quiet and then compiled 3,000–4,000 methods inside the timed run, at three times
    // this process's CPU per message.
    private static async Task WarmUpAsync(Func<int, Task> round)
    {
        for (int i = 0, quiet = 0; i < 80 && quiet < 2; i++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await round(i);
            await Task.Delay(250);
            quiet = System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < 20 ? quiet + 1 : 0;
        }
    }

    // A null body is a GET of /health/live (the HTTP floor); else a POST to path.
    private static async Task Drive(HttpClient http, byte[]?[] bodies, string path, int clients, long[] latencies)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                var t = Stopwatch.GetTimestamp();
                using var content = bodies[i] is { } body ? new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json", "utf-8") } } : null;
                using var response = content is null
                    ? await http.GetAsync(new Uri("/health/live", UriKind.Relative))
                    : await http.PostAsync(new Uri(path, UriKind.Relative), content);
                if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
                {
                    throw new InvalidOperationException($"ingest returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                latencies[i] = Stopwatch.GetTimestamp() - t;
            }
        })));
    }

    // The floor: the same rows into the same Messages table (one autocommitted INSERT each), with no HTTP, no customer
    // or conversation work, at each connection count (more connections are not always faster: past a point they
    // contend in the database). The rows carry the same reading columns as ingest stores (computed before the clock
    // starts), so both sides write the same bytes into the same indexes.
    private static async Task<List<RawRun>> RawInsert(DatabaseOptions database, IngestMessageRequest[] rows, int[] connectionCounts)
    {
        var stored = rows.Select(r => StoredColumns(r.Text!)).ToArray();
        long conversation;
        await using (var db = Open(database))
        {
            await db.OpenAsync();
            await using var cmd = db.CreateCommand();
            cmd.CommandText = """
                INSERT INTO "Customers" ("Source","ExternalId","Name","CreatedAt") VALUES ('raw','c','Raw', @t);
                INSERT INTO "Conversations" ("Source","ExternalId","CustomerId","Channel","Status","Priority","Tags","CreatedAt","LastMessageAt","MessageCount","Vulnerable","MaxUrgency")
                VALUES ('raw','t',(SELECT "Id" FROM "Customers" WHERE "Source"='raw'),'Chat','Open','Normal','',@t,@t,0,FALSE,0);
                SELECT "Id" FROM "Conversations" WHERE "Source"='raw';
                """;
            Add(cmd, "t", Time(database, DateTimeOffset.UnixEpoch));
            conversation = Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var runs = new List<RawRun>();
        foreach (var connections in connectionCounts)
        {
            // Warmed up as ingest is, under other sources.
            await WarmUpAsync(round => InsertAsync(database, conversation, $"raw-warmup-{connections}-{round}", rows[..Math.Min(1000, rows.Length)], stored, connections));
            var cpu = new CpuMeter();
            var clock = Stopwatch.StartNew();
            await InsertAsync(database, conversation, $"raw-{connections}", rows, stored, connections);
            clock.Stop();
            runs.Add(new RawRun(connections, rows.Length / clock.Elapsed.TotalSeconds, cpu.PerItem(rows.Length)));
        }
        return runs;
    }

    private static async Task InsertAsync(DatabaseOptions database, long conversation, string source, IngestMessageRequest[] rows, object[][] stored, int clients)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            await using var db = Open(database);
            await db.OpenAsync();
            await using var cmd = db.CreateCommand();
            cmd.CommandText = """
                INSERT INTO "Messages" ("Source","ExternalId","ConversationId","Author","Text","SentAt","ReceivedAt",
                    "ReadingJson","Emotion","Vulnerable","VulnerabilityDrivers","Urgency","Churn","Topic","Compound")
                VALUES (@s,@e,@c,'Customer',@x,@t,@t,@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7)
                """;
            var columns = Enumerable.Range(0, 8).Select(k => Add(cmd, $"p{k}", DBNull.Value)).ToArray();
            Add(cmd, "s", source);
            var e = Add(cmd, "e", "");
            Add(cmd, "c", conversation);
            var x = Add(cmd, "x", "");
            var t = Add(cmd, "t", Time(database, DateTimeOffset.UnixEpoch));
            int i;
            while ((i = Interlocked.Increment(ref next)) < rows.Length)
            {
                e.Value = rows[i].ExternalId;
                x.Value = rows[i].Text;
                t.Value = Time(database, rows[i].SentAt!.Value);
                for (var k = 0; k < columns.Length; k++)
                {
                    columns[k].Value = stored[i][k];
                }
                await cmd.ExecuteNonQueryAsync();
            }
        })));
    }

    // The reading columns IngestMessage stores for a customer message.
    private static object[] StoredColumns(string text)
    {
        var r = Listener.Default.Read(text);
        return
        [
            JsonSerializer.Serialize(r, Json.Options), r.Dominant.ToString(), r.IsVulnerable,
            r.IsVulnerable ? string.Join(',', r.Vulnerability.Select(v => v.Driver).Distinct()) : DBNull.Value,
            (int)r.Urgency.Level, r.Churn.Score, r.Topic.Primary.ToString(), r.Sentiment.Compound,
        ];
    }

    private static DbConnection Open(DatabaseOptions database) => database.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(DatabaseOptions.PostgresConnectionString(database.ConnectionString)) // as Attune connects: statements auto-prepared
        : new SqliteConnection(database.ConnectionString + ";Default Timeout=60");

    // SQLite stores DateTimeOffset as binary ticks (see AttuneDb); PostgreSQL as timestamptz.
#pragma warning disable CA1859 // The parameter value is a long on SQLite and a DateTimeOffset on PostgreSQL.
    private static object Time(DatabaseOptions database, DateTimeOffset t) => database.Provider == DatabaseProvider.Postgres
        ? (object)t.ToUniversalTime()
        : ((t.UtcTicks / 1000) << 11) | 0L;
#pragma warning restore CA1859

    private static DbParameter Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
        return p;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
