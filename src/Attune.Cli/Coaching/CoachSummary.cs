using Attune.Core.Coaching;

namespace Attune.Cli.Coaching;

/// <summary>The figures of one agent (or of everyone) over the replies assessed.</summary>
/// <param name="Agent">The agent's name or id; "all" for the total.</param>
/// <param name="Replies">Replies assessed.</param>
/// <param name="MeanScore">Mean empathy-in-action score, 0–100.</param>
/// <param name="HollowShare">Share of replies flagged as hollow empathy, 0–1.</param>
/// <param name="ScriptedShare">Share with at least one scripted cliché, 0–1.</param>
/// <param name="ActionShare">Share that act (a next step, a resolution or a follow-up), 0–1.</param>
/// <param name="EmpathyShare">Share that show an emotional reaction or interpretation, 0–1.</param>
/// <param name="BlameShare">Share flagged for blame or dismissal, 0–1.</param>
/// <param name="TopFlags">The most frequent flags with their counts, most frequent first (at most three).</param>
internal sealed record AgentSummary(string Agent, int Replies, double MeanScore, double HollowShare, double ScriptedShare, double ActionShare,
    double EmpathyShare, double BlameShare, IReadOnlyList<FlagCount> TopFlags);

/// <summary>How often a flag kind was raised.</summary>
internal sealed record FlagCount(FlagKind Kind, int Count);

/// <summary>The result of coaching a conversation file: one summary per agent, the total, and the bad rows.</summary>
internal sealed record CoachFileReport(string File, IReadOnlyList<AgentSummary> Agents, AgentSummary Total, IReadOnlyList<string> BadRows);

/// <summary>Accumulates assessments per agent.</summary>
internal sealed class CoachSummaryBuilder
{
    private readonly Dictionary<string, Acc> _agents = new(StringComparer.Ordinal);
    private readonly Acc _total = new();

    public void Add(string agent, Assessment assessment)
    {
        if (!_agents.TryGetValue(agent, out var acc))
        {
            _agents[agent] = acc = new Acc();
        }
        acc.Add(assessment);
        _total.Add(assessment);
    }

    public IReadOnlyList<AgentSummary> Agents() =>
        [.. _agents.OrderByDescending(a => a.Value.Replies).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Value.Summary(a.Key))];

    public AgentSummary Total() => _total.Summary("all");

    private sealed class Acc
    {
        private readonly int[] _flags = new int[Enum.GetValues<FlagKind>().Length];

        public int Replies { get; private set; }

        private double _score;
        private int _hollow, _scripted, _acts, _empathy, _blame;

        public void Add(Assessment a)
        {
            Replies++;
            _score += a.Score;
            _hollow += a.Has(FlagKind.HollowEmpathy) ? 1 : 0;
            _scripted += a.Has(FlagKind.ScriptedCliche) ? 1 : 0;
            _acts += a.Action.Acts ? 1 : 0;
            _empathy += a.Empathy.Acknowledges ? 1 : 0;
            _blame += a.Has(FlagKind.Blame) || a.Has(FlagKind.Dismissal) ? 1 : 0;
            var seen = new bool[_flags.Length];
            foreach (var f in a.Flags)
            {
                if (!seen[(int)f.Kind])
                {
                    seen[(int)f.Kind] = true;
                    _flags[(int)f.Kind]++;
                }
            }
        }

        public AgentSummary Summary(string agent)
        {
            double Share(int n) => Replies == 0 ? 0 : (double)n / Replies;
            var top = Enum.GetValues<FlagKind>().Where(k => _flags[(int)k] > 0).OrderByDescending(k => _flags[(int)k]).ThenBy(k => k)
                .Take(3).Select(k => new FlagCount(k, _flags[(int)k])).ToList();
            return new AgentSummary(agent, Replies, Replies == 0 ? 0 : _score / Replies, Share(_hollow), Share(_scripted), Share(_acts), Share(_empathy), Share(_blame), top);
        }
    }
}
