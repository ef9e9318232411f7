namespace Attune.Core.Listening.Signals;

/// <summary>One problem in a signals.rules text: the 1-based line, the field and what is wrong or allowed.</summary>
internal readonly record struct SignalRulesError(int Line, string Field, string Problem)
{
    public override string ToString() => $"line {Line}, {Field}: {Problem}";
}

/// <summary>A signals.rules text with errors; lists every error, not just the first.</summary>
internal sealed class SignalRulesException(IReadOnlyList<SignalRulesError> errors)
    : FormatException("signals.rules has errors:" + "\n" + string.Join("\n", errors))
{
    public IReadOnlyList<SignalRulesError> Errors { get; } = errors;
}
