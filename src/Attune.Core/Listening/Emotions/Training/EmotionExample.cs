namespace Attune.Core.Listening.Emotions.Training;

/// <summary>One labelled training or tuning message.</summary>
/// <param name="Text">The message.</param>
/// <param name="Heads">Bit h is set when head h (see <see cref="EmotionHeads"/>) is true for the message.</param>
internal sealed record EmotionExample(string Text, int Heads)
{
    public bool Has(int head) => (Heads & (1 << head)) != 0;
}
