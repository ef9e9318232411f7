namespace Attune.Core.Listening.Sentiment;

/// <summary>One sentiment-bearing word or phrase found in a message: tokens First..Last, and the negator that reached it.</summary>
internal struct SentimentItem
{
    public int First;
    public int Last;
    public int NegatorAt;
    public SentimentEntry Entry;
    public double Weight;
}
