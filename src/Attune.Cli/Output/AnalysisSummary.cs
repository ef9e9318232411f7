using Attune.Core.Listening;

namespace Attune.Cli.Output;

/// <summary>Counts over the readings of one `attune analyze` run, for the summary table.</summary>
internal sealed class AnalysisSummary
{
    public int Messages { get; private set; }

    public int BadRows { get; set; }

    public int Unread { get; private set; }

    public int Urgent { get; private set; }

    public int ChurnRisk { get; private set; }

    public int Vulnerable { get; private set; }

    public int RepeatContact { get; private set; }

    public int[] EmotionPresent { get; } = new int[Enum.GetValues<Emotion>().Length];

    public int[] VulnerabilityByDriver { get; } = new int[Enum.GetValues<VulnerabilityDriver>().Length];

    public int[] Topics { get; } = new int[Enum.GetValues<Topic>().Length];

    public int[] Sentiment { get; } = new int[Enum.GetValues<SentimentLabel>().Length];

    public void Add(Reading reading)
    {
        Messages++;
        if (!reading.Language.IsSupported)
        {
            Unread++;
        }
        Sentiment[(int)reading.Sentiment.Label]++;
        foreach (var emotion in reading.Emotions)
        {
            if (emotion.IsPresent)
            {
                EmotionPresent[(int)emotion.Emotion]++;
            }
        }
        if (!reading.Vulnerability.IsDefaultOrEmpty)
        {
            Vulnerable++;
            Span<bool> seen = stackalloc bool[VulnerabilityByDriver.Length];
            foreach (var cue in reading.Vulnerability)
            {
                seen[(int)cue.Driver] = true;
            }
            for (var d = 0; d < seen.Length; d++)
            {
                VulnerabilityByDriver[d] += seen[d] ? 1 : 0;
            }
        }
        if (reading.Urgency.Level >= UrgencyLevel.High)
        {
            Urgent++;
        }
        if (reading.Churn.IsAtRisk)
        {
            ChurnRisk++;
        }
        if (reading.Effort.RepeatContact)
        {
            RepeatContact++;
        }
        Topics[(int)reading.Topic.Primary]++;
    }
}
