using Attune.Core.Listening;
using Attune.Core.Listening.Emotions;
using Attune.Core.Listening.Emotions.Training;
using Attune.Core.Text;

namespace Attune.Core.Tests;

public class EmotionTrainerTests
{
    private static List<EmotionExample> Examples()
    {
        var gratitude = 1 << (int)Emotion.Gratitude;
        var anger = 1 << (int)Emotion.Anger;
        var neutral = 1 << (int)Emotion.Neutral;
        string[] thanks = ["thanks so much", "thank you for the help", "many thanks", "thanks again", "thank you kindly"];
        string[] angry = ["i am furious", "this makes me furious", "absolutely furious now", "so angry right now", "angry and furious"];
        string[] plain = ["the parcel is here", "what is the price", "my order number is 12", "see the invoice", "it is tuesday"];
        var result = new List<EmotionExample>();
        for (var copy = 0; copy < 4; copy++)
        {
            result.AddRange(thanks.Select(t => new EmotionExample(t, gratitude)));
            result.AddRange(angry.Select(t => new EmotionExample(t, anger)));
            result.AddRange(plain.Select(t => new EmotionExample(t, neutral)));
        }
        return result;
    }

    private static readonly EmotionTrainingOptions Options = EmotionTrainingOptions.Default with { MinCount = 1, Epochs = 10, L2 = 0.01 };

    [Fact]
    public void SameData_GivesTheSameModelBytes()
    {
        var first = EmotionTrainer.Train(Examples(), Examples(), Options);
        var second = EmotionTrainer.Train(Examples(), Examples(), Options);

        Assert.Equal(EmotionModelFormat.Write(first.Model, []), EmotionModelFormat.Write(second.Model, []));
    }

    [Fact]
    public void TrainedModel_LearnsTheCues()
    {
        var model = new EmotionModel(EmotionTrainer.Train(Examples(), Examples(), Options).Model);

        var scores = model.Score(TextPreparer.Prepare("thanks, that was quick"), out _);

        Assert.True(scores[(int)Emotion.Gratitude].IsPresent);
        Assert.False(scores[(int)Emotion.Anger].IsPresent);
        Assert.Equal("thanks", scores[(int)Emotion.Gratitude].Evidence[0].Text);
    }
}
