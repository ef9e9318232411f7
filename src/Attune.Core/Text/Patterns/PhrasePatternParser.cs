using System.Text;

namespace Attune.Core.Text.Patterns;

/// <summary>Recursive-descent reader of the pattern syntax; every error names the 1-based column.</summary>
internal sealed class PhrasePatternParser(string pattern)
{
    private const string Special = "()|?*~{}";
    private readonly string _s = pattern;
    private int _i;

    public List<PhraseNode> ParseTop()
    {
        SkipSpace();
        if (_i >= _s.Length)
        {
            throw Error(1, "the pattern is empty; write at least one word");
        }
        var seq = ParseSequence();
        if (_i < _s.Length)
        {
            throw Error(_i + 1, _s[_i] == ')' ? "')' without a matching '('" : "'|' outside parentheses; write alternatives as (a|b)");
        }
        if (seq[0] is GapNode first)
        {
            throw Error(first.Column, "a pattern cannot start with a gap '~N'; start with a word");
        }
        if (seq[^1] is GapNode last)
        {
            throw Error(last.Column, "a pattern cannot end with a gap '~N'; end with a word");
        }
        if (PhraseCompiler.CanBeEmpty(seq))
        {
            throw Error(1, "every element is optional, so the pattern could match no words; make one element required");
        }
        return seq;
    }

    private List<PhraseNode> ParseSequence()
    {
        var seq = new List<PhraseNode>();
        while (true)
        {
            SkipSpace();
            if (_i >= _s.Length || _s[_i] is '|' or ')')
            {
                return seq;
            }
            seq.Add(ParseItem());
        }
    }

    private PhraseNode ParseItem()
    {
        var column = _i + 1;
        var c = _s[_i];
        if (c == '~')
        {
            _i++;
            var digitsStart = _i;
            while (_i < _s.Length && char.IsAsciiDigit(_s[_i]))
            {
                _i++;
            }
            if (_i == digitsStart || !int.TryParse(_s.AsSpan(digitsStart, _i - digitsStart), out var max) || max is < 1 or > 9)
            {
                throw Error(column, "a gap is '~' followed by how many tokens it may skip, 1 to 9 (e.g. '~2')");
            }
            if (_i < _s.Length && _s[_i] == '?')
            {
                throw Error(_i + 1, "a gap is already optional; remove the '?'");
            }
            return new GapNode(column, max);
        }

        PhraseNode atom = c switch
        {
            '(' => ParseGroup(),
            '{' => ParseClass(),
            '?' => throw Error(column, "'?' must follow a word, class or group"),
            '*' => throw Error(column, "'*' must end a word, e.g. 'cancel*'"),
            '|' or ')' or '}' => throw Error(column, $"unexpected '{c}'"),
            _ => ParseWord(),
        };
        if (_i < _s.Length && _s[_i] == '?')
        {
            _i++;
            atom = new OptionalNode(column, atom);
        }
        if (_i < _s.Length && _s[_i] == '?')
        {
            throw Error(_i + 1, "'??' is not allowed; one '?' makes an element optional");
        }
        return atom;
    }

    private GroupNode ParseGroup()
    {
        var column = _i + 1;
        _i++;
        var alternatives = new List<List<PhraseNode>>();
        while (true)
        {
            var altColumn = _i + 1;
            var seq = ParseSequence();
            if (seq.Count == 0)
            {
                throw Error(altColumn, "empty alternative; to make a group optional write '(a|b)?'");
            }
            if (seq[0] is GapNode || seq[^1] is GapNode)
            {
                throw Error(altColumn, "an alternative cannot start or end with a gap '~N'");
            }
            alternatives.Add(seq);
            if (_i >= _s.Length)
            {
                throw Error(column, "'(' is never closed; add ')'");
            }
            if (_s[_i] == ')')
            {
                _i++;
                return new GroupNode(column, alternatives);
            }
            _i++; // '|'
        }
    }

    private ClassNode ParseClass()
    {
        var column = _i + 1;
        var close = _s.IndexOf('}', _i);
        if (close < 0)
        {
            throw Error(column, "'{' is never closed; token classes are {number}, {ordinal}, {any}");
        }
        var name = _s.AsSpan(_i + 1, close - _i - 1);
        PhraseClass cls = name switch
        {
            "number" => PhraseClass.Number,
            "ordinal" => PhraseClass.Ordinal,
            "any" => PhraseClass.Any,
            _ => throw Error(column, $"unknown token class '{{{name}}}'; allowed: {{number}}, {{ordinal}}, {{any}}"),
        };
        _i = close + 1;
        if (_i < _s.Length && _s[_i] == '*')
        {
            throw Error(_i + 1, "'*' must end a word, not a token class");
        }
        return new ClassNode(column, cls);
    }

    private WordNode ParseWord()
    {
        var column = _i + 1;
        var sb = new StringBuilder();
        while (_i < _s.Length && !char.IsWhiteSpace(_s[_i]) && !Special.Contains(_s[_i], StringComparison.Ordinal))
        {
            var c = _s[_i++];
            sb.Append(c is '\u2019' or '\u2018' or '`' ? '\'' : char.ToLowerInvariant(c));
        }
        var isPrefix = false;
        if (_i < _s.Length && _s[_i] == '*')
        {
            _i++;
            isPrefix = true;
        }
        if (_i < _s.Length && _s[_i] is '(' or '{' or '~' or '*')
        {
            throw Error(_i + 1, $"'{_s[_i]}' right after a word; separate elements with a space");
        }
        return new WordNode(column, sb.ToString(), isPrefix);
    }

    private void SkipSpace()
    {
        while (_i < _s.Length && char.IsWhiteSpace(_s[_i]))
        {
            _i++;
        }
    }

    private PhrasePatternException Error(int column, string problem) => new(_s, column, problem);
}
