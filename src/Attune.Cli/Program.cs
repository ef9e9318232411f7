using Attune.Core.Listening;

var reading = Listener.Default.Read(string.Join(' ', args));
Console.WriteLine(reading.Sentiment.Compound);
