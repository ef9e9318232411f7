namespace Attune.App.Data;

/// <summary>
/// SQLite allows one writer at a time and makes the others poll with sleeps when they collide; queueing writers
/// here instead keeps threads free and latency even. PostgreSQL needs no gate (row locks do the job).
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<Releaser> EnterAsync(AttuneDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.IsSqlite)
        {
            return default;
        }
        await _gate.WaitAsync(ct);
        return new Releaser(_gate);
    }

    public void Dispose() => _gate.Dispose();

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
