using System.Diagnostics;
using Alerts.Core;
using Alerts.Core.Scoring;
using Alerts.Core.Serialization;
using Alerts.Core.Topics;
using Alerts.Core.Workbench;
using Alerts.Functions.Http.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Http;

/// <summary>
/// POST /api/topics/preview?days=7: a topic, not saved, tried on the articles of the last days: what would alert, what
/// nearly would and why not, and words to consider. Body: a topic as for PUT /api/topics/{id} (the id may be left out).
/// </summary>
public sealed class TopicPreviewApi(
    IRecentArticles recent,
    IEnumerable<ITextEmbedder> embedders,
    IOptions<ScoringOptions> scoring,
    IOptions<AlertsOptions> options,
    TimeProvider time)
{
    /// <summary>HTTP entry point.</summary>
    [Function("PreviewTopic")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "topics/preview")] HttpRequest request, CancellationToken cancellationToken)
    {
        var window = (int)Math.Floor(options.Value.PreviewWindow.TotalDays);
        var days = 7;
        if (request.Query.ContainsKey("days") && (!int.TryParse(request.Query["days"], out days) || days < 1 || days > window))
        {
            return Problems.Validation(new() { ["days"] = [$"days must be a whole number from 1 to {window} (articles are kept for {window} days)."] });
        }

        var (topic, problem) = await JsonBody.ReadAsync(request, AlertsJsonContext.Default.WatchTopic, cancellationToken, AdminApi.CompleteTopic, TopicProperties.Unknown);
        if (topic is null)
        {
            return problem!;
        }

        topic = topic with { Id = string.IsNullOrEmpty(topic.Id) ? "preview" : topic.Id };
        if (Problems.Invalid(TopicRequestValidator.Instance, topic) is { } invalid)
        {
            return invalid;
        }

        var reading = Stopwatch.StartNew();
        var articles = await recent.ListSinceAsync(time.GetUtcNow().AddDays(-days), cancellationToken).ToListAsync(cancellationToken);
        reading.Stop();
        var result = TopicPreview.Run(topic, articles, TopicPreview.SemanticFrom(embedders, scoring.Value));
        return new OkObjectResult(new PreviewResponse(
            result.Scanned,
            days,
            Math.Round(reading.Elapsed.TotalMilliseconds),
            Math.Round(result.Elapsed.TotalMilliseconds),
            [.. result.Alerts.Select(PreviewArticle.From)],
            result.MoreAlerts,
            [.. result.NearMisses.Select(PreviewArticle.From)],
            result.MoreNearMisses,
            result.Suggestions,
            result.Names.Count > 0 ? TopicPreview.NamesLine(result.Names) : null,
            result.Places,
            result.Categories,
            result.WordsFound.Count > 0 ? WordsFound.Heading : null,
            result.WordsFound));
    }
}

/// <summary>What a preview answers.</summary>
public sealed record PreviewResponse(
    int Scanned,
    int Days,
    double ReadingMs,
    double ScoringMs,
    IReadOnlyList<PreviewArticle> Alerts,
    int MoreAlerts,
    IReadOnlyList<PreviewArticle> NearMisses,
    int MoreNearMisses,
    IReadOnlyList<PreviewSuggestion> Suggestions,
    string? Names,
    string? Places,
    string? Categories,
    string? WordsFoundHeading,
    IReadOnlyList<WordFound> WordsFound);

/// <summary>One article of a preview: why it would alert, or what kept it out.</summary>
public sealed record PreviewArticle(string Key, string Title, string? Link, string Source, DateTimeOffset Published, double Score, string Why, IReadOnlyList<MatchEvidence> Evidence)
{
    internal static PreviewArticle From(PreviewItem item) => new(
        item.Article.Key,
        item.Article.Title,
        item.Article.Link,
        string.IsNullOrWhiteSpace(item.Article.SourceName) ? item.Article.SourceId : item.Article.SourceName,
        item.Article.Published,
        Math.Round(item.Score, 3),
        item.Why,
        item.Evidence);
}
