using Npgsql;

namespace Attune.App.Features.Ingestion;

/// <summary>
/// Ids a table's sequence handed out ahead of need, shared by one process's writers: a batch takes what it needs,
/// and only when too few are left does it ask PostgreSQL for another block. Other nodes and EF inserts draw from the
/// same sequence, so ids never collide; ids left unused at shutdown are a gap, as after a rolled-back insert.
/// </summary>
internal sealed class ReservedIds(string table, int block = 256)
{
    private readonly Queue<long> _ids = new();

    public async Task<long[]> TakeAsync(NpgsqlConnection connection, int count, CancellationToken ct) =>
        TryTake(count) ?? await FetchAndTakeAsync(connection, count, ct);

    private long[]? TryTake(int count)
    {
        lock (_ids)
        {
            if (_ids.Count < count)
            {
                return null;
            }
            var ids = new long[count];
            for (var i = 0; i < count; i++)
            {
                ids[i] = _ids.Dequeue();
            }
            return ids;
        }
    }

    // Two writers may both fetch a block at once: both blocks join the queue, nothing is lost.
    private async Task<long[]> FetchAndTakeAsync(NpgsqlConnection connection, int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""SELECT nextval(pg_get_serial_sequence('"{table}"', 'Id')) FROM generate_series(1, $1)""", connection)
        {
            Parameters = { new NpgsqlParameter<int> { TypedValue = Math.Max(count, block) } },
        };
        var fetched = new List<long>(Math.Max(count, block));
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                fetched.Add(reader.GetInt64(0));
            }
        }
        lock (_ids)
        {
            foreach (var id in fetched)
            {
                _ids.Enqueue(id);
            }
        }
        return TryTake(count) ?? await FetchAndTakeAsync(connection, count, ct);
    }
}
