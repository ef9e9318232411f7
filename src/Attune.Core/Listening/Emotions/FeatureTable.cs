namespace Attune.Core.Listening.Emotions;

/// <summary>Feature hash → weight row: an open-addressing table (linear probing, at most half full), faster than a
/// dictionary on the hot path and read-only once built.</summary>
internal sealed class FeatureTable
{
    // Key and row side by side, so a probe touches one cache line.
    private readonly Entry[] _entries;
    private readonly int _shift;

    /// <param name="hashes">The feature hashes; row i belongs to hashes[i]. Must be distinct.</param>
    public FeatureTable(IReadOnlyList<uint> hashes)
    {
        var bits = 4;
        while ((1 << bits) < hashes.Count * 2)
        {
            bits++;
        }
        _entries = new Entry[1 << bits];
        _entries.AsSpan().Fill(new Entry(0, -1));
        _shift = 32 - bits;
        var mask = _entries.Length - 1;
        for (var r = 0; r < hashes.Count; r++)
        {
            var i = Slot(hashes[r]);
            while (_entries[i].Row >= 0)
            {
                if (_entries[i].Key == hashes[r])
                {
                    throw new ArgumentException($"Feature hash {hashes[r]:x8} appears twice.", nameof(hashes));
                }
                i = (i + 1) & mask;
            }
            _entries[i] = new Entry(hashes[r], r);
        }
        Count = hashes.Count;
    }

    public int Count { get; }

    public bool TryRow(uint hash, out int row)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var i = Slot(hash);
        while (true)
        {
            var entry = entries[i];
            row = entry.Row;
            if (row < 0 || entry.Key == hash)
            {
                return row >= 0;
            }
            i = (i + 1) & mask;
        }
    }

    /// <summary>Every (hash, row) pair, in row order.</summary>
    public IEnumerable<(uint Hash, int Row)> Entries()
    {
        var result = new (uint, int)[Count];
        foreach (var entry in _entries)
        {
            if (entry.Row >= 0)
            {
                result[entry.Row] = (entry.Key, entry.Row);
            }
        }
        return result;
    }

    private readonly record struct Entry(uint Key, int Row);

    private int Slot(uint hash) => (int)((hash * 0x9E3779B9u) >> _shift);
}
