namespace Attune.Core.Text.Patterns;

/// <summary>A phrase pattern that cannot be read, with the column (1-based) and what is wrong there.</summary>
internal sealed class PhrasePatternException : FormatException
{
    public PhrasePatternException(string pattern, int column, string problem)
        : base($"phrase pattern \"{pattern}\", column {column}: {problem}")
    {
        Pattern = pattern;
        Column = column;
        Problem = problem;
    }

    public string Pattern { get; }

    /// <summary>1-based column in <see cref="Pattern"/> where the problem is.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }
}
