using System.CommandLine;
using System.Text;
using Attune.Cli.Input;
using Attune.Cli.Output;
using Attune.Cli.Rendering;
using Attune.Core.Listening;
using Spectre.Console;

namespace Attune.Cli.Commands;

/// <summary>`attune analyze FILE`: reads every message of a CSV or JSON Lines file on all cores and writes one JSON
/// line per message, keeping the row's other columns, then prints a summary.</summary>
internal static class AnalyzeCommand
{
    /// <summary>Rows read in parallel at a time; bounds memory whatever the file size, output stays in input order.</summary>
    private const int BatchSize = 4096;

    private const int ErrorsShown = 20;

    private const long ProgressFromBytes = 1 << 20;

    internal sealed record Options(string File, string TextColumn, string? Out, string? Errors, string? Format);

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A CSV file (with a header row) or a JSON Lines file (one object per line)." };
        var textColumn = new Option<string>("--text-column")
        {
            Description = "The column (CSV) or field (JSON) holding the message.",
            DefaultValueFactory = _ => "text",
        };
        var output = new Option<string?>("--out") { Description = "Where to write the readings (JSON Lines). Default: FILE with extension .readings.jsonl." };
        var errors = new Option<string?>("--errors") { Description = "Where to list bad rows. Default: FILE with extension .errors.txt (written only when there are bad rows)." };
        var format = new Option<string?>("--format") { Description = "csv or jsonl; default from the extension (.csv, .jsonl, .json)." };
        format.AcceptOnlyFromAmong("csv", "jsonl", "json", "ndjson");
        var command = new Command("analyze", "Read every message in a CSV or JSON Lines file; write readings as JSON Lines and print a summary.")
        {
            file,
            textColumn,
            output,
            errors,
            format,
        };
        command.SetAction(parse => Run(
            Consoles.Of(parse),
            new Options(parse.GetValue(file)!, parse.GetValue(textColumn) ?? "text", parse.GetValue(output), parse.GetValue(errors), parse.GetValue(format))));
        return command;
    }

    public static int Run(CliInvocation io, Options options)
    {
        var err = io.Error;
        if (Directory.Exists(options.File))
        {
            err.WriteLine($"attune analyze: '{options.File}' is a folder; give a .csv or .jsonl file.");
            return CliApp.Unusable;
        }
        if (!File.Exists(options.File))
        {
            err.WriteLine($"attune analyze: file not found: '{options.File}'.");
            return CliApp.Unusable;
        }
        var format = options.Format is { } name ? RecordReader.ParseFormat(name) : RecordReader.FormatOf(options.File);
        if (format is null)
        {
            err.WriteLine($"attune analyze: cannot tell the format of '{options.File}' from its extension; use .csv or .jsonl, or say --format csv|jsonl.");
            return CliApp.Unusable;
        }
        var outPath = options.Out ?? Path.ChangeExtension(options.File, ".readings.jsonl");
        var errorsPath = options.Errors ?? Path.ChangeExtension(options.File, ".errors.txt");
        var inputFull = Path.GetFullPath(options.File);
        if (Path.GetFullPath(outPath) == inputFull || Path.GetFullPath(errorsPath) == inputFull)
        {
            err.WriteLine($"attune analyze: the output would overwrite the input '{options.File}'; choose another --out / --errors.");
            return CliApp.Unusable;
        }

        FileStream input;
        RecordReader reader;
        try
        {
            input = File.OpenRead(options.File);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            err.WriteLine($"attune analyze: cannot open '{options.File}': {e.Message}");
            return CliApp.Unusable;
        }
        try
        {
            reader = RecordReader.Create(new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), format.Value);
        }
        catch (RecordFormatException e)
        {
            input.Dispose();
            err.WriteLine($"attune analyze: cannot read '{options.File}': {e.Message}.");
            return CliApp.Unusable;
        }

        using (reader)
        {
            var column = ResolveColumn(reader.Columns, options.TextColumn);
            if (column is null)
            {
                var what = reader.Format == RecordFormat.Csv ? "column" : "field";
                err.WriteLine($"attune analyze: no {what} '{options.TextColumn}' in '{options.File}'. Available {what}s: {string.Join(", ", reader.Columns.Select(c => $"'{c}'"))}. Choose one with --text-column NAME.");
                return CliApp.Unusable;
            }

            var summary = new AnalysisSummary();
            ReadingLineWriter writer;
            try
            {
                writer = new ReadingLineWriter(new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                err.WriteLine($"attune analyze: cannot write '{outPath}': {e.Message}");
                return CliApp.Unusable;
            }
            using var errors = new ErrorLog(errorsPath, ErrorsShown);
            using (writer)
            {
                if (io.Terminal.Error && input.Length >= ProgressFromBytes)
                {
                    io.Err().Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .Start(ctx =>
                        {
                            var task = ctx.AddTask($"reading {Path.GetFileName(options.File)}", maxValue: input.Length);
                            Process(reader, column, writer, errors, summary, () => task.Value = input.Position);
                            task.Value = task.MaxValue;
                        });
                }
                else
                {
                    Process(reader, column, writer, errors, summary, null);
                }
            }

            summary.BadRows = errors.Count;
            foreach (var error in errors.First)
            {
                err.WriteLine($"attune analyze: {options.File} {error}");
            }
            if (errors.Count > errors.First.Count)
            {
                err.WriteLine($"attune analyze: … and {errors.Count - errors.First.Count} more bad rows.");
            }
            if (errors.Count > 0)
            {
                err.WriteLine($"attune analyze: {errors.Count} bad row(s) skipped, listed in '{errorsPath}'; the good rows were read.");
            }

            var console = io.Out();
            console.Write(SummaryTables.Create(summary));
            console.WriteLine($"Wrote {summary.Messages} reading(s) to {outPath}");
            return errors.Count > 0 ? CliApp.Partial : CliApp.Ok;
        }
    }

    private static string? ResolveColumn(IReadOnlyList<string> columns, string wanted)
    {
        // JSON Lines with no good object at all: every row will be reported as bad, there is nothing to check against.
        if (columns.Count == 0 || columns.Contains(wanted))
        {
            return wanted;
        }
        var loose = columns.Where(c => string.Equals(c, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return loose.Count == 1 ? loose[0] : null;
    }

    private static void Process(RecordReader reader, string column, ReadingLineWriter writer, ErrorLog errors, AnalysisSummary summary, Action? tick)
    {
        var batch = new List<RecordItem>(BatchSize);
        foreach (var item in reader.Read())
        {
            batch.Add(item);
            if (batch.Count == BatchSize)
            {
                ReadBatch(batch, column, writer, errors, summary);
                batch.Clear();
                tick?.Invoke();
            }
        }
        ReadBatch(batch, column, writer, errors, summary);
        tick?.Invoke();
    }

    private static void ReadBatch(List<RecordItem> batch, string column, ReadingLineWriter writer, ErrorLog errors, AnalysisSummary summary)
    {
        var count = batch.Count;
        var fields = new int[count];
        var texts = new string?[count];
        var results = new Reading?[count];
        var lines = new byte[]?[count];
        var problems = new RecordError?[count];
        for (var i = 0; i < count; i++)
        {
            if (batch[i] is RecordError error)
            {
                problems[i] = error;
                continue;
            }
            var record = (InputRecord)batch[i];
            fields[i] = record.IndexOf(column);
            texts[i] = fields[i] < 0 ? null : record.Values[fields[i]];
            problems[i] = fields[i] < 0 ? new RecordError(record.Line, $"missing the text column '{column}'")
                : texts[i] is null ? new RecordError(record.Line, $"the text column '{column}' is null")
                : string.IsNullOrWhiteSpace(texts[i]) ? new RecordError(record.Line, $"the text column '{column}' is empty")
                : null;
        }
        var listener = Listener.Default;
        Parallel.For(0, count, i =>
        {
            if (problems[i] is null)
            {
                try
                {
                    results[i] = listener.Read(texts[i]);
                    lines[i] = ReadingLineWriter.Encode((InputRecord)batch[i], fields[i], texts[i]!, results[i]!);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Never expected (Read never throws); if it does, this row is reported and the others still land.
                    problems[i] = new RecordError(batch[i].Line, $"could not be read ({e.GetType().Name}: {e.Message})");
                }
            }
        });
        for (var i = 0; i < count; i++)
        {
            if (problems[i] is { } problem)
            {
                errors.Add(problem);
            }
            else
            {
                writer.Write(lines[i]!);
                summary.Add(results[i]!);
            }
        }
    }
}
