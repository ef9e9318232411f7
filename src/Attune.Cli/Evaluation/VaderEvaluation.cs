using Attune.Core.Listening;

namespace Attune.Cli.Evaluation;

/// <summary>Placeholder: the evaluation on VADER's corpora is written by another helper and merged by the lead.</summary>
internal static class VaderEvaluation
{
    internal static EvalReport Run(string dataDir, Listener listener)
    {
        _ = dataDir;
        _ = listener;
        return new EvalReport("VADER corpora", "VADER (paper)", [], ["not built yet"]);
    }
}
