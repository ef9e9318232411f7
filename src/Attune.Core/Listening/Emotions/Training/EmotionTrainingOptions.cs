namespace Attune.Core.Listening.Emotions.Training;

/// <summary>How the emotion model is trained. The defaults are the settings chosen on GoEmotions dev.</summary>
/// <param name="Scheme">The features.</param>
/// <param name="Epochs">Passes over the training set.</param>
/// <param name="LearningRate">AdaGrad step size.</param>
/// <param name="L2">L2 penalty on the weights of the features in each step.</param>
/// <param name="MinCount">Features seen fewer times than this in training are dropped.</param>
/// <param name="Scale">Weights are stored as bytes: weight × scale, rounded and clamped to ±127.</param>
/// <param name="Seed">Seed of the shuffling order.</param>
/// <param name="GroupLearningRate">AdaGrad step size of the sentiment-group heads (positive, negative, ambiguous and
/// neutral), which have far more positive examples than the other emotions.</param>
/// <param name="GroupL2">L2 penalty of the sentiment-group heads.</param>
/// <param name="PositiveWeight">Positive examples of a head weigh (negatives / positives) ^ this, so that rare
/// emotions are not drowned by the penalty; 0 weighs every example alike.</param>
/// <param name="Runs">Independent training runs (seeds Seed, Seed+1, …) whose weights are averaged.</param>
/// <param name="AverageFrom">Weights are averaged over the ends of epochs from this one (1-based) on.</param>
internal sealed record EmotionTrainingOptions(
    EmotionFeatureScheme Scheme,
    int Epochs = 8,
    double LearningRate = 0.1,
    double L2 = 1,
    int MinCount = 3,
    int Scale = 64,
    ulong Seed = 20200501,
    double GroupLearningRate = 0.02,
    double GroupL2 = 1e-2,
    int AverageFrom = 3,
    double PositiveWeight = 0.5,
    int Runs = 3)
{
    public static EmotionTrainingOptions Default { get; } = new(EmotionFeatureScheme.Default);
}
