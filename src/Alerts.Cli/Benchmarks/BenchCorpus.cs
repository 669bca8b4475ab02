using nietras.SeparatedValues;

namespace Alerts.Cli.Benchmarks;

/// <summary>Article text for the benchmark: the shared corpus when present, generated text otherwise.</summary>
internal static class BenchCorpus
{
    public static (List<(string Title, string Body)> Articles, string Source) Load(int max)
    {
        var shared = SharedFolder();
        var path = shared is null ? null : Path.Combine(shared, "corpus", "ag_news_test.csv");
        if (path is not null && File.Exists(path))
        {
            using var reader = new StreamReader(path);
            using var csv = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).From(reader);
            var rows = new List<(string, string)>();
            foreach (var row in csv)
            {
                if (rows.Count >= max)
                {
                    break;
                }

                rows.Add((row["Title"].ToString(), row["Article"].ToString()));
            }

            return (rows, "ag_news_test.csv");
        }

        return (Generate(Math.Min(max, 5_000)), "generated text");
    }

    private static List<(string, string)> Generate(int count)
    {
        // Zipf-like draws from a news vocabulary plus a few thousand made-up words, so frequent and rare words mix as
        // in real text and articles differ as much as real ones do: with only the common words every article would
        // look like a copy of every other one and match every topic.
        string[] common =
        [
            "government", "minister", "troops", "election", "market", "shares", "oil", "prices", "company", "profit",
            "police", "attack", "president", "talks", "peace", "deal", "season", "coach", "league", "game", "software",
            "internet", "security", "virus", "computer", "space", "launch", "scientists", "study", "health", "court",
            "trial", "bank", "rates", "economy", "growth", "exports", "china", "japan", "europe", "iraq", "afghanistan",
            "kabul", "baghdad", "washington", "london", "nato", "united", "nations", "forces", "soldiers", "rebels",
            "hurricane", "storm", "flood", "earthquake", "record", "championship", "olympic", "gold", "medal", "team",
        ];
        string[] syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "dal", "ber", "sin", "qu", "or", "ze", "pan", "tu", "wel", "gri"];
        var vocabulary = common.Concat(Enumerable.Range(0, 4_000).Select(i =>
            syllables[i % 16] + syllables[(i / 16) % 16] + syllables[(i / 256) % 16])).ToArray();
        var random = new Random(7);
        string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words)
            .Select(_ => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 2))]));
        return Enumerable.Range(0, count).Select(_ => (Sentence(8), Sentence(35) + ".")).ToList();
    }

    public static string? SharedFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alerts.sln")))
        {
            directory = directory.Parent;
        }

        var shared = directory?.Parent is null ? null : Path.Combine(directory.Parent.FullName, "shared");
        return shared is not null && Directory.Exists(shared) ? shared : null;
    }
}
