using Attune.Core.Listening;

namespace Attune.Cli.Evaluation;

/// <summary>Placeholder: the evaluation on the GoEmotions test split is written by another helper and merged by the lead.</summary>
internal static class GoEmotionsEvaluation
{
    internal static EvalReport Run(string dataDir, Listener listener)
    {
        _ = dataDir;
        _ = listener;
        return new EvalReport("GoEmotions test split", "BERT-base (paper)", [], ["not built yet"]);
    }
}
