using System.Diagnostics;
using System.Globalization;

namespace Attune.Bench;

/// <summary>Microseconds of CPU per item: this process, and the local database (null where it cannot be seen: not
/// Linux, or the server is elsewhere); and the methods this process compiled meanwhile (a warm run compiles few).</summary>
internal sealed record CpuPerItem(double Own, double? Database, long Compiled);

/// <summary>
/// CPU time spent while a benchmark runs: this process's (HTTP clients, server, in-process SQLite) and that of the
/// local PostgreSQL processes, which are single-threaded, so /proc/PID/schedstat (Linux: nanoseconds on a CPU) counts
/// each whole. A figure that throughput on shared, noisy cores hides: what one message costs whom.
/// </summary>
internal sealed class CpuMeter
{
    private readonly TimeSpan _own = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
    private readonly Dictionary<int, long>? _database = DatabaseNanoseconds();

    /// <summary>CPU per item since the meter started.</summary>
    public CpuPerItem PerItem(int items)
    {
        var own = (Process.GetCurrentProcess().TotalProcessorTime - _own).TotalMicroseconds / items;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - _compiled;
        if (_database is null || DatabaseNanoseconds() is not { Count: > 0 } now)
        {
            return new CpuPerItem(own, null, compiled);
        }
        var spent = now.Sum(p => p.Value - _database.GetValueOrDefault(p.Key));
        return new CpuPerItem(own, spent / 1000.0 / items, compiled);
    }

    private static Dictionary<int, long>? DatabaseNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var found = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == "postgres")
                {
                    var first = File.ReadAllText(Path.Combine(dir, "schedstat")).Split(' ')[0];
                    found[pid] = long.Parse(first, CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }
        return found;
    }
}
