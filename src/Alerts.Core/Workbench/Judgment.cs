using System.Text;

namespace Alerts.Core.Workbench;

/// <summary>A subscriber's word on one alerted article: relevant to its topic ("more like this") or not.</summary>
/// <param name="TopicId">The topic.</param>
/// <param name="ArticleKey">The article.</param>
/// <param name="SubscriberId">Who said it.</param>
/// <param name="Relevant">More like this (true) or not relevant (false).</param>
/// <param name="At">When.</param>
public sealed record Judgment(string TopicId, string ArticleKey, string SubscriberId, bool Relevant, DateTimeOffset At)
{
    /// <summary>The article's headline when judged, to read the judgments without looking each article up.</summary>
    public string? Title { get; init; }
}

/// <summary>Judgments per topic; one per (topic, article, subscriber), a later one replacing the earlier.</summary>
public interface IJudgmentStore
{
    /// <summary>Records a judgment (replacing the subscriber's earlier one on the same article).</summary>
    Task RecordAsync(Judgment judgment, CancellationToken cancellationToken);

    /// <summary>The judgments on one topic.</summary>
    IAsyncEnumerable<Judgment> ListAsync(string topicId, CancellationToken cancellationToken);
}

/// <summary>Judgments as a labels file <c>alerts eval --labels</c> reads.</summary>
public static class JudgmentLabels
{
    /// <summary>
    /// One line per (topic, article): <c>core</c> when the latest word on it says relevant, <c>not</c> otherwise.
    /// </summary>
    public static string ToTsv(IEnumerable<Judgment> judgments)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        var text = new StringBuilder("# Judgments from subscribers' \"more like this\" (core) and \"not relevant\" (not) links; the latest per article counts.\n");
        foreach (var latest in judgments.GroupBy(j => (j.TopicId, j.ArticleKey)).Select(g => g.MaxBy(j => j.At)!).OrderBy(j => j.TopicId, StringComparer.Ordinal).ThenBy(j => j.ArticleKey, StringComparer.Ordinal))
        {
            text.Append(latest.TopicId).Append('\t').Append(latest.ArticleKey).Append('\t').Append(latest.Relevant ? "core" : "not").Append('\n');
        }

        return text.ToString();
    }
}

/// <summary>A judgment marked in the workbench.</summary>
/// <param name="ArticleKey">The article, as the preview lists it.</param>
/// <param name="Relevant">Relevant (true) or not.</param>
public sealed record WorkbenchJudgment(string ArticleKey, bool Relevant)
{
    /// <summary>Its headline.</summary>
    public string? Title { get; init; }
}
