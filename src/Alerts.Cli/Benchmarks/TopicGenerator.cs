using System.Globalization;
using Alerts.Core.Text;
using Alerts.Core.Topics;

namespace Alerts.Cli.Benchmarks;

/// <summary>A generated topic and the same query in Lucene's classic syntax.</summary>
internal sealed record GeneratedTopic(WatchTopic Topic, string Lucene);

/// <summary>
/// Generates realistic topics from the corpus' own mid-frequency words (neither stop-word-like nor unique), in the
/// shapes people write: alternatives of two groups, a phrase plus a word, words with an exclusion, a title word
/// with a prefix, a proximity pair; one in ten with a place constraint.
/// </summary>
internal sealed class TopicGenerator
{
    private static readonly string[] Places = ["Afghanistan", "Iraq", "China", "France", "Brazil", "Kenya", "Japan", "Germany", "India", "Russia"];

    private readonly Random random;
    private readonly string[] words;

    public TopicGenerator(List<(string Title, string Body)> articles, int seed)
    {
        random = new Random(seed);
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (title, body) in articles)
        {
            foreach (var word in TextAnalyzer.Analyze(title + " " + body)
                .Where(t => !t.IsStopWord && t.Surface.Length >= 4 && t.Surface.All(char.IsAsciiLetterLower))
                .Select(t => t.Surface)
                .Distinct())
            {
                documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
            }
        }

        var low = Math.Max(2, articles.Count / 2_000);
        var high = Math.Max(low + 1, articles.Count / 50);
        words = documentFrequency.Where(p => p.Value >= low && p.Value <= high).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        if (words.Length < 50)
        {
            words = documentFrequency.Keys.Order(StringComparer.Ordinal).ToArray();
        }
    }

    public int VocabularySize => words.Length;

    public List<GeneratedTopic> Generate(int count)
    {
        var topics = new List<GeneratedTopic>(count);
        for (var i = 0; i < count; i++)
        {
            var (query, lucene) = (i % 5) switch
            {
                0 => Two(),
                1 => PhrasePlusWord(),
                2 => WithExclusion(),
                3 => TitleAndPrefix(),
                _ => Proximity(),
            };
            var topic = new WatchTopic("t" + i.ToString(CultureInfo.InvariantCulture), "Generated topic " + i.ToString(CultureInfo.InvariantCulture), query);
            if (i % 10 == 7)
            {
                topic = topic with { Constraints = new TopicConstraints { Places = [Places[random.Next(Places.Length)]] } };
            }

            topics.Add(new GeneratedTopic(topic, lucene));
        }

        return topics;
    }

    private string W() => words[random.Next(words.Length)];

    private (string, string) Two()
    {
        var (a, b, c, d) = (W(), W(), W(), W());
        return ($"({a} OR {b}) ({c} OR {d})", $"+({a} {b}) +({c} {d})");
    }

    private (string, string) PhrasePlusWord()
    {
        var (a, b, c) = (W(), W(), W());
        return ($"\"{a} {b}\" {c}", $"+\"{a} {b}\" +{c}");
    }

    private (string, string) WithExclusion()
    {
        var (a, b, c) = (W(), W(), W());
        return ($"{a} {b} -{c}", $"+{a} +{b} -{c}");
    }

    private (string, string) TitleAndPrefix()
    {
        var (a, b, c) = (W(), W(), W());
        var prefix = c[..Math.Min(c.Length, 5)];
        return ($"title:{a} ({b} OR {prefix}*)", $"+title:{a} +({b} {prefix}*)");
    }

    private (string, string) Proximity()
    {
        var (a, b) = (W(), W());
        return ($"{a} NEAR/5 {b}", $"\"{a} {b}\"~5");
    }
}
