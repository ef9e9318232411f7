namespace Attune.Core.Text.Patterns;

/// <summary>A parsed phrase pattern (syntax in README.md next to this file), compiled to a small backtracking
/// program over tokens. Immutable and thread-safe.</summary>
internal sealed class PhrasePattern
{
    private readonly PhraseInstr[] _program;

    private PhrasePattern(string source, PhraseInstr[] program)
    {
        Source = source;
        _program = program;
    }

    /// <summary>The pattern as written.</summary>
    public string Source { get; }

    internal ReadOnlySpan<PhraseInstr> Program => _program;

    /// <summary>Parses a pattern; throws <see cref="PhrasePatternException"/> naming the column and the problem.</summary>
    public static PhrasePattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var parser = new PhrasePatternParser(pattern);
        var nodes = parser.ParseTop();
        var program = PhraseCompiler.Compile(nodes);
        return new PhrasePattern(pattern, program);
    }

    /// <summary>Parses a pattern, or returns false with the problem as <paramref name="error"/>.</summary>
    public static bool TryParse(string pattern, out PhrasePattern? result, out string? error)
    {
        try
        {
            result = Parse(pattern);
            error = null;
            return true;
        }
        catch (PhrasePatternException e)
        {
            result = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Matches the pattern at token <paramref name="start"/>; returns the last token of the match, or -1.
    /// The match stays inside the sentence of the start token.</summary>
    public int MatchAt(Document document, int start)
    {
        var tokens = document.Tokens;
        if ((uint)start >= (uint)tokens.Length)
        {
            return -1;
        }
        var end = Run(document, 0, start, tokens[start].Sentence);
        return end < 0 ? -1 : end - 1;
    }

    /// <summary>Matches from instruction <paramref name="pc"/> at token <paramref name="pos"/> for a match that started
    /// at a token of sentence <paramref name="sentence"/>; returns the last token of the match, or -1.</summary>
    internal int MatchFrom(Document document, int pc, int pos, int sentence)
    {
        var end = Run(document, pc, pos, sentence);
        return end < 0 ? -1 : end - 1;
    }

    /// <summary>The consuming instructions a match can start with, with their index, in the order they are tried.</summary>
    internal List<(int Pc, PhraseInstr Step)> FirstSteps()
    {
        var result = new List<(int, PhraseInstr)>();
        var seen = new bool[_program.Length];
        var stack = new Stack<int>();
        stack.Push(0);
        while (stack.Count > 0)
        {
            var pc = stack.Pop();
            if (seen[pc])
            {
                continue;
            }
            seen[pc] = true;
            var ins = _program[pc];
            switch (ins.Op)
            {
                case PhraseOp.Split:
                    stack.Push(ins.Y);
                    stack.Push(ins.X);
                    break;
                case PhraseOp.Jump:
                    stack.Push(ins.X);
                    break;
                case PhraseOp.Match:
                    break;
                default:
                    result.Add((pc, ins));
                    break;
            }
        }
        return result;
    }

    // Returns the token index just after the match, or -1.
    private int Run(Document document, int pc, int pos, int sentence)
    {
        var tokens = document.Tokens;
        while (true)
        {
            var ins = _program[pc];
            switch (ins.Op)
            {
                case PhraseOp.Match:
                    return pos;
                case PhraseOp.Jump:
                    pc = ins.X;
                    continue;
                case PhraseOp.Split:
                    var end = Run(document, ins.X, pos, sentence);
                    if (end >= 0)
                    {
                        return end;
                    }
                    pc = ins.Y;
                    continue;
                default:
                    break;
            }
            if (pos >= tokens.Length || tokens[pos].Sentence != sentence)
            {
                return -1;
            }
            var norm = document.Norm(pos);
            var ok = ins.Op switch
            {
                PhraseOp.Word => norm.SequenceEqual(ins.Text),
                PhraseOp.WordSet => ins.Set!.Contains(norm),
                PhraseOp.Prefix => norm.StartsWith(ins.Text),
                _ => PhraseNumbers.Is(ins.Class, tokens[pos], norm),
            };
            if (!ok)
            {
                return -1;
            }
            pos++;
            pc++;
        }
    }
}
