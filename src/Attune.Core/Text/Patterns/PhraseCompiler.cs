namespace Attune.Core.Text.Patterns;

internal abstract record PhraseNode(int Column);

internal sealed record WordNode(int Column, string Text, bool IsPrefix) : PhraseNode(Column);

internal sealed record ClassNode(int Column, PhraseClass Class) : PhraseNode(Column);

internal sealed record GroupNode(int Column, List<List<PhraseNode>> Alternatives) : PhraseNode(Column);

internal sealed record OptionalNode(int Column, PhraseNode Inner) : PhraseNode(Column);

internal sealed record GapNode(int Column, int Max) : PhraseNode(Column);

internal sealed record WordSetNode(int Column, List<string> Words) : PhraseNode(Column);

/// <summary>Turns parsed nodes into a <see cref="PhraseInstr"/> program.</summary>
internal static class PhraseCompiler
{
    public static PhraseInstr[] Compile(List<PhraseNode> sequence)
    {
        var code = new List<PhraseInstr>();
        EmitSequence(code, sequence);
        code.Add(new PhraseInstr(PhraseOp.Match, null, default, 0, 0));
        return [.. code];
    }

    public static bool CanBeEmpty(PhraseNode node) => node switch
    {
        WordNode or ClassNode or WordSetNode => false,
        OptionalNode or GapNode => true,
        GroupNode g => g.Alternatives.Exists(CanBeEmpty),
        _ => false,
    };

    public static bool CanBeEmpty(List<PhraseNode> sequence) => sequence.TrueForAll(CanBeEmpty);

    private static void EmitSequence(List<PhraseInstr> code, List<PhraseNode> sequence)
    {
        foreach (var node in sequence)
        {
            Emit(code, node);
        }
    }

    private static void Emit(List<PhraseInstr> code, PhraseNode node)
    {
        switch (node)
        {
            case WordNode w:
                code.Add(new PhraseInstr(w.IsPrefix ? PhraseOp.Prefix : PhraseOp.Word, w.Text, default, 0, 0));
                break;
            case WordSetNode s:
                code.Add(new PhraseInstr(PhraseOp.WordSet, null, default, 0, 0) { Set = new PhraseWordSet(s.Words) });
                break;
            case ClassNode c:
                code.Add(new PhraseInstr(PhraseOp.Class, null, c.Class, 0, 0));
                break;
            case OptionalNode o:
                {
                    // Greedy: try the element first, then skip it.
                    var split = code.Count;
                    code.Add(default);
                    Emit(code, o.Inner);
                    code[split] = new PhraseInstr(PhraseOp.Split, null, default, split + 1, code.Count);
                    break;
                }
            case GapNode g:
                {
                    // Lazy: prefer skipping as few tokens as possible.
                    var splits = new List<int>();
                    for (var i = 0; i < g.Max; i++)
                    {
                        splits.Add(code.Count);
                        code.Add(default);
                        code.Add(new PhraseInstr(PhraseOp.Class, null, PhraseClass.Any, 0, 0));
                    }
                    foreach (var s in splits)
                    {
                        code[s] = new PhraseInstr(PhraseOp.Split, null, default, code.Count, s + 1);
                    }
                    break;
                }
            case GroupNode g when Merge(g) is var merged && merged.Count == 1 && merged[0].Count == 1:
                Emit(code, merged[0][0]);
                break;
            case GroupNode g:
                {
                    var group = new GroupNode(g.Column, Merge(g));
                    var jumps = new List<int>();
                    for (var i = 0; i < group.Alternatives.Count; i++)
                    {
                        var last = i == group.Alternatives.Count - 1;
                        var split = -1;
                        if (!last)
                        {
                            split = code.Count;
                            code.Add(default);
                        }
                        EmitSequence(code, group.Alternatives[i]);
                        if (!last)
                        {
                            jumps.Add(code.Count);
                            code.Add(default);
                            code[split] = new PhraseInstr(PhraseOp.Split, null, default, split + 1, code.Count);
                        }
                    }
                    foreach (var j in jumps)
                    {
                        code[j] = new PhraseInstr(PhraseOp.Jump, null, default, code.Count, 0);
                    }
                    break;
                }
            default:
                throw new InvalidOperationException("unknown phrase node " + node.GetType().Name);
        }
    }

    // Consecutive single-word alternatives become one set lookup; at most one of them can equal a token, so the
    // order of alternatives (and thus which match is found) is unchanged.
    private static List<List<PhraseNode>> Merge(GroupNode group)
    {
        var result = new List<List<PhraseNode>>();
        List<string>? run = null;
        foreach (var alt in group.Alternatives)
        {
            if (alt is [WordNode { IsPrefix: false } w])
            {
                if (run is null)
                {
                    run = [];
                    result.Add([new WordSetNode(w.Column, run)]);
                }
                run.Add(w.Text);
                continue;
            }
            run = null;
            result.Add(alt);
        }
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i] is [WordSetNode { Words.Count: 1 } single])
            {
                result[i] = [new WordNode(single.Column, single.Words[0], false)];
            }
        }
        return result;
    }
}
