using System.Collections.Immutable;

namespace Attune.Core.Coaching.Playbooks;

/// <summary>One problem found in a playbook or regional-norms file.</summary>
/// <param name="File">The file name as given to the parser (e.g. <c>situations/bereavement.yaml</c>).</param>
/// <param name="Line">1-based line number of the problem; 0 when it concerns the whole file (e.g. a required field is missing).</param>
/// <param name="Field">The dotted path of the field concerned (e.g. <c>dont.upsell</c>), or empty for a syntax error.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record PlaybookError(string File, int Line, string Field, string Message)
{
    /// <summary>The error as <c>file:line: field: message</c>.</summary>
    public override string ToString() =>
        Field.Length == 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Field}: {Message}";
}

/// <summary>Thrown when playbook files are invalid; carries every error found, not just the first.</summary>
public sealed class PlaybookFormatException : Exception
{
    /// <summary>Creates the exception from the errors found (at least one).</summary>
    public PlaybookFormatException(IReadOnlyList<PlaybookError> errors)
        : base(string.Join("\n", errors))
    {
        Errors = [.. errors];
    }

    /// <summary>Creates the exception with a message only (prefer the constructor taking errors).</summary>
    public PlaybookFormatException()
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message only (prefer the constructor taking errors).</summary>
    public PlaybookFormatException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public PlaybookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every problem found, in file and line order.</summary>
    public ImmutableArray<PlaybookError> Errors { get; }
}
