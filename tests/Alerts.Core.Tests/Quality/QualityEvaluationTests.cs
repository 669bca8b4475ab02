using System.Globalization;
using Alerts.Core.Evaluation;
using Alerts.Core.Scoring;
using Alerts.Core.Text;
using Alerts.Core.Topics;
using nietras.SeparatedValues;

namespace Alerts.Core.Tests.Quality;

/// <summary>
/// Precision and recall of the sample topic on real news (ag_news_test.csv), against labels written by reading
/// the candidate rows (Quality/afghanistan-foreign-troops.labels.tsv). Floors are set a little under what was
/// measured, so a regression fails the test. See docs/scoring.md for the method and the numbers.
/// </summary>
public sealed class QualityEvaluationTests
{
    [Fact]
    public void AfghanistanForeignTroops_OnLabelledCorpus_MeetsFloors()
    {
        // Arrange
        var shared = TestSupport.SharedFolder();
        if (shared is null)
        {
            Assert.Skip("../shared is not present");
        }

        var positives = ReadPositives(Path.Combine(AppContext.BaseDirectory, "Quality", "afghanistan-foreign-troops.labels.tsv"));
        var index = TopicIndex.Build([SampleTopics.AfghanistanForeignTroops], Alerts.Core.Entities.Gazetteer.Default, "eval");
        var dev = new Counts();
        var heldOut = new Counts();

        // Act
        var rows = ReadCorpus(Path.Combine(shared, "corpus", "ag_news_test.csv"));
        for (var row = 0; row < rows.Count; row++)
        {
            var alert = TopicIndexScorer.Score(index, new AnalyzedDocument(rows[row].Title, rows[row].Body)).Any(m => m.Alert);
            (row % 3 == 0 ? heldOut : dev).Add(alert, positives.Contains(row));
        }

        // Assert
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"dev:      {dev}");
        output?.WriteLine($"held-out: {heldOut}");
        Assert.True(dev.Precision >= 0.9, $"dev {dev}");
        Assert.True(dev.Recall >= 0.85, $"dev {dev}");
        Assert.True(heldOut.Precision >= 0.75, $"held-out {heldOut}");
        Assert.True(heldOut.Recall >= 0.66, $"held-out {heldOut}");
    }

    internal static HashSet<int> ReadPositives(string path) =>
        File.ReadLines(path)
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .Where(f => f[1] == "1")
            .Select(f => int.Parse(f[0], CultureInfo.InvariantCulture))
            .ToHashSet();

    // Each story with its section, as `alerts eval` reads the file (AG News' numbered classes are its sections).
    internal static List<(string Title, string Body, string Section)> ReadCorpus(string path)
    {
        using var csv = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromFile(path);
        var rows = new List<(string, string, string)>();
        foreach (var row in csv)
        {
            rows.Add((row["Title"].ToString(), row["Article"].ToString(), AgNewsSections.Of(row["Class"].ToString())!));
        }

        return rows;
    }

    private sealed class Counts
    {
        public int TruePositives { get; private set; }

        public int FalsePositives { get; private set; }

        public int FalseNegatives { get; private set; }

        public int Total { get; private set; }

        public double Precision => TruePositives + FalsePositives == 0 ? 1 : TruePositives / (double)(TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : TruePositives / (double)(TruePositives + FalseNegatives);

        public void Add(bool alert, bool relevant)
        {
            Total++;
            if (alert && relevant)
            {
                TruePositives++;
            }
            else if (alert)
            {
                FalsePositives++;
            }
            else if (relevant)
            {
                FalseNegatives++;
            }
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"rows {Total}, relevant {TruePositives + FalseNegatives}, alerts {TruePositives + FalsePositives}, TP {TruePositives}, FP {FalsePositives}, FN {FalseNegatives}, precision {Precision:0.000}, recall {Recall:0.000}");
    }
}
