using Attune.Cli.Input;

namespace Attune.Cli.Output;

/// <summary>Bad rows of a run: all of them go to the errors file (created on the first one), the first few are kept
/// to show on the terminal.</summary>
internal sealed class ErrorLog(string path, int keep) : IDisposable
{
    private readonly List<RecordError> _first = [];
    private StreamWriter? _file;

    public string Path { get; } = path;

    public int Count { get; private set; }

    public IReadOnlyList<RecordError> First => _first;

    public void Add(RecordError error)
    {
        Count++;
        if (_first.Count < keep)
        {
            _first.Add(error);
        }
        _file ??= new StreamWriter(Path, append: false);
        _file.WriteLine(error.ToString());
    }

    public void Dispose() => _file?.Dispose();
}
