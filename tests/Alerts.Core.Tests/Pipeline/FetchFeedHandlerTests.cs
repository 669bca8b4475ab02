using Alerts.Core.Feeds;
using Alerts.Core.Ingestion;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline;

/// <summary>The fetch step in memory: what a fetch records never overwrites what an operator did meanwhile.</summary>
public sealed class FetchFeedHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemorySourceStore _sources = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_OperatorRenamedTheSourceDuringTheFetch_RenameStaysAndHealthIsRecorded()
    {
        // Arrange
        await _sources.UpsertAsync(new FeedSource("wire", new Uri("https://news.example.org/feed")) { Name = "Wire" }, Ct);
        var handler = Handler(async () =>
        {
            var source = (await _sources.GetAsync("wire", Ct))!;
            await _sources.UpsertAsync(source with { Name = "Renamed wire" }, Ct);
        });

        // Act
        await handler.HandleAsync(new FetchFeedMessage("wire"), Ct);

        // Assert
        var stored = (await _sources.GetAsync("wire", Ct))!;
        Assert.Equal("Renamed wire", stored.Name);
        Assert.Equal("304 not modified", stored.Health.LastResult);
    }

    [Fact]
    public async Task HandleAsync_SourceDeletedDuringTheFetch_StaysDeleted()
    {
        // Arrange
        await _sources.UpsertAsync(new FeedSource("wire", new Uri("https://news.example.org/feed")), Ct);
        var handler = Handler(() => _sources.DeleteAsync("wire", Ct));

        // Act
        await handler.HandleAsync(new FetchFeedMessage("wire"), Ct);

        // Assert
        Assert.Null(await _sources.GetAsync("wire", Ct));
    }

    // A publisher that answers 304, while the test acts as an operator during the request.
    private FetchFeedHandler Handler(Func<Task> duringFetch)
    {
        var articles = new InMemoryArticleStore();
        var stories = new InMemoryStoryIndex(new StoryIndexOptions(), _time);
        var intake = new ArticleIntake(articles, stories, stories, new RecordingQueue<ScoreArticleMessage>(), new InMemoryRecentArticles(), NullLogger<ArticleIntake>.Instance);
        return new FetchFeedHandler(
            _sources,
            new OperatorDuringFetch(duringFetch),
            new NoParser(),
            new FeedEntriesIntake(articles, intake, new NoFullText(), Options.Create(new AlertsOptions())),
            new SourceHealthPolicy(),
            new PipelineObservers([]),
            _time,
            NullLogger<FetchFeedHandler>.Instance);
    }

    private sealed class OperatorDuringFetch(Func<Task> duringFetch) : IFeedFetcher
    {
        public async Task<FeedFetchResult> FetchAsync(FeedSource source, CancellationToken cancellationToken)
        {
            await duringFetch();
            return new FeedFetchResult.NotModified();
        }
    }

    private sealed class NoParser : IFeedParser
    {
        public FeedParseResult Parse(ReadOnlyMemory<byte> document, FeedDocumentContext context) => throw new InvalidOperationException("a 304 has nothing to parse");
    }

    private sealed class NoFullText : IFullTextExtractor
    {
        public Task<ExtractedArticle?> ExtractAsync(Uri pageUrl, CancellationToken cancellationToken) => Task.FromResult<ExtractedArticle?>(null);
    }
}
