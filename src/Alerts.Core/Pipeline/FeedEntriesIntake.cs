using Alerts.Core.Articles;
using Alerts.Core.Feeds;
using Alerts.Core.Ingestion;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Turns a fetched feed's entries into articles and takes each in (<see cref="ArticleIntake"/>): teaser-only entries
/// of sources that ask for it get their page's main text first (only when not stored yet, so a re-fetch downloads no
/// pages), and entries a newly added source already carried are stored without alerting.
/// </summary>
public sealed class FeedEntriesIntake(
    IArticleStore articles,
    ArticleIntake intake,
    IFullTextExtractor fullText,
    IOptions<AlertsOptions> options)
{
    /// <summary>Takes in every usable entry of <paramref name="feed"/>; answers what became of them.</summary>
    public async Task<FeedIntakeTally> TakeAsync(FeedSource source, ParsedFeed feed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(feed);
        var tally = new FeedIntakeTally(feed.Entries.Count);
        foreach (var entry in feed.Entries)
        {
            if (ToArticle(source, feed, entry, now) is not { } article)
            {
                continue;
            }

            if (TeaserPolicy.NeedsFullText(source, entry) && await articles.GetAsync(article.Key, cancellationToken) is null)
            {
                article = await WithFullTextAsync(article, cancellationToken);
            }

            tally.Add(article, await intake.AdmitAsync(article, !IsBacklog(source, entry), cancellationToken));
        }

        return tally;
    }

    // An item published well before the source was added was already there: stored, not alerted. Undated items
    // cannot be told apart and may alert.
    private bool IsBacklog(FeedSource source, FeedEntry entry) =>
        source.AddedAt is { } added
        && (entry.Published ?? entry.Updated) is { } published
        && published < added - options.Value.NewSourceBacklogGrace;

    private static Article? ToArticle(FeedSource source, ParsedFeed feed, FeedEntry entry, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(entry.Title) && string.IsNullOrWhiteSpace(entry.Link) && string.IsNullOrWhiteSpace(entry.Summary))
        {
            return null;
        }

        var title = string.IsNullOrWhiteSpace(entry.Title) ? "(untitled)" : entry.Title.Trim();
        return new Article(
            ArticleIdentity.KeyFor(entry.Link, entry.Id, title, entry.Summary, source.Id),
            source.Id,
            title,
            entry.Link,
            entry.Summary,
            entry.Content,
            entry.Published ?? entry.Updated ?? now)
        {
            Guid = entry.Id,
            SourceName = source.Name ?? feed.Title,
            Authors = entry.Authors,
            Categories = entry.Categories,
            FirstSeen = now,
        };
    }

    private async Task<Article> WithFullTextAsync(Article article, CancellationToken cancellationToken)
    {
        var extracted = await fullText.ExtractAsync(new Uri(article.Link!), cancellationToken);
        if (extracted is null)
        {
            return article; // the teaser is still worth scoring; the extractor logged why
        }

        return article with { Content = extracted.Html ?? System.Net.WebUtility.HtmlEncode(extracted.Text) };
    }
}

/// <summary>What became of one fetch's entries.</summary>
public sealed class FeedIntakeTally(int entries)
{
    private readonly List<Article> _new = [];
    private readonly Dictionary<IntakeOutcome, int> _counts = [];

    /// <summary>Entries in the feed.</summary>
    public int Entries => entries;

    /// <summary>Articles taken in for the first time.</summary>
    public IReadOnlyList<Article> New => _new;

    /// <summary>How many entries had this outcome.</summary>
    public int this[IntakeOutcome outcome] => _counts.GetValueOrDefault(outcome);

    /// <summary>Counts one entry.</summary>
    public void Add(Article article, IntakeOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(article);
        _counts[outcome] = this[outcome] + 1;
        if (outcome == IntakeOutcome.New)
        {
            _new.Add(article);
        }
    }

    /// <summary>The fetch's result as ops reads it in the source's health: <c>12 items, 3 new, 1 updated</c>.</summary>
    public string Describe() =>
        $"{Entries} items, {New.Count} new"
        + Part(IntakeOutcome.CopyOfKnownStory, "copies of known stories")
        + Part(IntakeOutcome.Updated, "updated")
        + Part(IntakeOutcome.Backlog, "older than the source (stored, not alerted)");

    private string Part(IntakeOutcome outcome, string words) => this[outcome] == 0 ? string.Empty : $", {this[outcome]} {words}";
}
