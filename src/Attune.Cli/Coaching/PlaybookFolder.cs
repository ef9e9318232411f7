using Attune.Core.Coaching.Playbooks;

namespace Attune.Cli.Coaching;

/// <summary>Reads an organisation's playbook folder (every *.yaml / *.yml under it) and applies it over the defaults.</summary>
internal static class PlaybookFolder
{
    /// <summary>The default library, or the default library with the folder's files added or replacing defaults.</summary>
    /// <exception cref="PlaybookFormatException">A file in the folder is invalid (every error, with file and line).</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static PlaybookLibrary Load(string? folder)
    {
        if (folder is null)
        {
            return PlaybookLibrary.Default;
        }
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"playbook folder not found: '{folder}'");
        }
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new PlaybookSource(Path.GetRelativePath(folder, f), File.ReadAllText(f)));
        return PlaybookLibrary.Default.With(files);
    }
}
