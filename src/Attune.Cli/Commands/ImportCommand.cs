using System.CommandLine;
using System.Globalization;
using System.Text;
using Attune.App.Features.Import;
using Attune.Cli.Input;
using Attune.Cli.Platform;
using Attune.Cli.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Attune.Cli.Commands;

/// <summary>
/// `attune import FILE`: bulk history into the database. Parsing stays here; the App feature files each row.
/// Resumable (progress is saved per chunk), idempotent (re-running changes nothing), bad rows go to an errors file.
/// </summary>
internal static class ImportCommand
{
    private const int ChunkSize = 500;

    internal sealed record Options(string File, string? Format, string Source, string? Errors, string? Provider, string? Connection);

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "CSV or JSON Lines: the generic shape (docs/import.md) or the Twitter customer-support shape." };
        var format = new Option<string?>("--format") { Description = "csv or jsonl; default from the extension." };
        format.AcceptOnlyFromAmong("csv", "jsonl", "json", "ndjson");
        var source = new Option<string>("--source")
        {
            Description = "The source name for rows without a source column (generic shape).",
            DefaultValueFactory = _ => "import",
        };
        var errors = new Option<string?>("--errors") { Description = "Where to list bad rows. Default: FILE with extension .errors.txt." };
        var provider = CliDatabase.ProviderOption();
        var connection = CliDatabase.ConnectionOption();
        var command = new Command("import", "Import conversation history from a CSV or JSON Lines file into the Attune database.")
        {
            file, format, source, errors, provider, connection,
        };
        command.SetAction((parse, ct) => RunAsync(Consoles.Of(parse), new Options(
            parse.GetValue(file)!, parse.GetValue(format), parse.GetValue(source) ?? "import", parse.GetValue(errors),
            parse.GetValue(provider), parse.GetValue(connection)), ct));
        return command;
    }

    // First pass: replies may come before the tweets they answer, so learn every link before filing any row.
    private static Dictionary<string, TweetLink> ReadTweetLinks(string path, RecordFormat format)
    {
        var links = new Dictionary<string, TweetLink>(StringComparer.Ordinal);
        using var reader = RecordReader.Open(path, format);
        foreach (var item in reader.Read())
        {
            if (item is InputRecord r && r.Get("tweet_id") is { Length: > 0 } id && r.Get("author_id") is { } author)
            {
                links[id] = new TweetLink(ImportRecords.TweetParent(r.Get("in_response_to_tweet_id")), author, string.Equals(r.Get("inbound"), "true", StringComparison.OrdinalIgnoreCase));
            }
        }
        return links;
    }

    public static async Task<int> RunAsync(CliInvocation io, Options options, CancellationToken ct)
    {
        var err = io.Error;
        if (!File.Exists(options.File))
        {
            err.WriteLine($"attune import: file not found: '{options.File}'.");
            return CliApp.Unusable;
        }
        var format = options.Format is { } f ? RecordReader.ParseFormat(f) : RecordReader.FormatOf(options.File);
        if (format is null)
        {
            err.WriteLine($"attune import: cannot tell the format of '{options.File}'; use .csv or .jsonl, or say --format csv|jsonl.");
            return CliApp.Unusable;
        }
        await using var input = new FileStream(options.File, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        RecordReader reader;
        try
        {
            reader = RecordReader.Create(new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), format.Value);
        }
        catch (RecordFormatException ex)
        {
            err.WriteLine($"attune import: {options.File}: {ex.Message}");
            return CliApp.Unusable;
        }
        using var _ = reader;
        var shape = ImportRecords.Detect(reader.Columns);
        if (ImportRecords.MissingColumns(shape, reader.Columns) is { Count: > 0 } missing)
        {
            err.WriteLine($"attune import: {options.File} lacks the column(s) {string.Join(", ", missing)} of the {shape.ToString().ToLowerInvariant()} shape (see docs/import.md).");
            return CliApp.Unusable;
        }

        App.Data.DatabaseOptions database;
        try
        {
            database = CliDatabase.Resolve(options.Provider, options.Connection);
        }
        catch (InvalidOperationException ex)
        {
            err.WriteLine($"attune import: {ex.Message}");
            return CliApp.Unusable;
        }
        await using var services = await CliDatabase.OpenAsync(database, ct);
        await using var scope = services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportRecords>();
        var key = $"{Path.GetFullPath(options.File)}:{input.Length}";
        if (key.Length > 200)
        {
            key = key[^200..];
        }
        if (shape == ImportShape.Twitter)
        {
            import.UseTweetLinks(ReadTweetLinks(options.File, format.Value));
        }
        var progress = await import.StartAsync(key, ct);
        if (progress.LinesDone > 0)
        {
            err.WriteLine($"attune import: resuming after line {progress.LinesDone} ({progress.Imported} imported, {progress.Rejected} rejected so far).");
        }

        var errorsPath = options.Errors ?? Path.ChangeExtension(options.File, ".errors.txt");
        StreamWriter? errorFile = null;
        long imported = 0, duplicates = 0, rejected = 0;
        void Reject(long line, string reason)
        {
            rejected++;
            // Resuming appends, so the errors of the lines done before stay in the file.
            errorFile ??= new StreamWriter(errorsPath, append: progress.LinesDone > 0);
            errorFile.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {line}: {reason}"));
        }

        async Task RunChunksAsync(Action<long>? report)
        {
            var chunk = new List<ImportRow>(ChunkSize);
            var readerErrors = 0;
            long lastLine = progress.LinesDone;
            async Task FlushAsync()
            {
                if (chunk.Count == 0 && readerErrors == 0)
                {
                    return;
                }
                var result = chunk.Count == 0
                    ? new ChunkResult(0, 0, [])
                    : await import.ImportChunkAsync(key, shape, options.Source, chunk, lastLine, readerErrors, ct);
                imported += result.Imported;
                duplicates += result.Duplicates;
                foreach (var e in result.Errors)
                {
                    Reject(e.Line, e.Field.Length == 0 ? e.Reason : $"{e.Field}: {e.Reason}");
                }
                chunk.Clear();
                readerErrors = 0;
                report?.Invoke(input.Position);
            }
            foreach (var item in reader.Read())
            {
                if (item.Line <= progress.LinesDone)
                {
                    continue;
                }
                lastLine = item.Line;
                if (item is RecordError bad)
                {
                    Reject(bad.Line, bad.Message);
                    readerErrors++;
                    continue;
                }
                var record = (InputRecord)item;
                var fields = new Dictionary<string, string?>(record.Names.Count, StringComparer.Ordinal);
                for (var i = 0; i < record.Names.Count; i++)
                {
                    fields[record.Names[i]] = record.Values[i];
                }
                chunk.Add(new ImportRow(record.Line, fields));
                if (chunk.Count >= ChunkSize)
                {
                    await FlushAsync();
                }
            }
            await FlushAsync();
        }

        if (io.Terminal.Error)
        {
            await io.Err().Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"importing {Path.GetFileName(options.File)}", maxValue: Math.Max(1, input.Length));
                    await RunChunksAsync(p => task.Value = p);
                    task.Value = task.MaxValue;
                });
        }
        else
        {
            await RunChunksAsync(null);
        }
        await import.FinishAsync(key, ct);
        if (errorFile is not null)
        {
            await errorFile.DisposeAsync();
        }

        io.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"attune import: {imported} imported, {duplicates} already present, {rejected} rejected ({shape.ToString().ToLowerInvariant()} shape, {database.Provider})."));
        if (rejected > 0)
        {
            err.WriteLine($"attune import: bad rows are listed with their line and reason in {errorsPath}");
            return CliApp.Partial;
        }
        return CliApp.Ok;
    }
}
