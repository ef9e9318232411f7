using Attune.Core.Coaching.Cues;

namespace Attune.Core.Coaching.Playbooks;

/// <summary>A situation playbook with its phrases compiled for matching.</summary>
internal sealed class CompiledPlaybook
{
    private CompiledPlaybook(SituationPlaybook playbook, CueIndex triggers, CueIndex checks)
    {
        Playbook = playbook;
        Triggers = triggers;
        Checks = checks;
    }

    public SituationPlaybook Playbook { get; }

    /// <summary>The trigger phrases, matched in the customer's message.</summary>
    public CueIndex Triggers { get; }

    /// <summary>The playbook's own check phrases, matched in the reply; each match's id is the check id.</summary>
    public CueIndex Checks { get; }

    public static CompiledPlaybook Compile(SituationPlaybook playbook)
    {
        var triggers = new List<CueIndex.Entry>();
        foreach (var text in playbook.Triggers.Phrases)
        {
            if (CueIndex.Compile(text, out _) is { } p)
            {
                triggers.Add(new CueIndex.Entry(p, CueKind.Troubleshooting, "trigger", ""));
            }
        }
        var checks = new List<CueIndex.Entry>();
        foreach (var (id, phrases) in playbook.Phrases)
        {
            foreach (var text in phrases)
            {
                if (CueIndex.Compile(text, out _) is { } p)
                {
                    checks.Add(new CueIndex.Entry(p, CueKind.Troubleshooting, id, ""));
                }
            }
        }
        return new CompiledPlaybook(playbook, new CueIndex(triggers), new CueIndex(checks));
    }
}
