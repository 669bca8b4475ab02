using Alerts.Core.Articles;
using Alerts.Core.Ingestion;
using Alerts.Core.Pipeline;
using Alerts.Testing.Fakes;

namespace Alerts.Core.Tests.Pipeline;

public sealed class AlertedArticlesTests : IDisposable
{
    private static readonly DateTimeOffset Published = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Article First = new("article-1", "wire", "Troops arrive in Kabul", "https://wire.example/1", "The first units landed.", null, Published);
    private static readonly Article Revised = First with { Summary = "The first units landed; more follow next week." };

    private readonly CountingArticleStore store = new();
    private readonly CountingCopies copies = new();
    private readonly AlertedArticles alerted;

    public AlertedArticlesTests() => alerted = new AlertedArticles(store, copies);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_SameVersionForEverySubscriber_ReadsTheStoreOnce()
    {
        // Arrange
        await store.AdmitAsync(First, Ct);
        var version = ScoreArticleHandler.VersionOf(First);

        // Act: ten delivery messages of one alert.
        var read = new List<Article?>();
        for (var subscriber = 0; subscriber < 10; subscriber++)
        {
            read.Add(await alerted.GetAsync(First.Key, version, Ct));
        }

        // Assert
        Assert.All(read, article => Assert.Equal(First, article));
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task GetAsync_DeliveriesOfOneAlertAtOnce_ReadTheStoreOnce()
    {
        // Arrange: the store answers only once every message has asked.
        await store.AdmitAsync(First, Ct);
        var version = ScoreArticleHandler.VersionOf(First);
        store.Hold();

        // Act: ten messages on ten threads, as a batch of the queue trigger runs them.
        var reads = Enumerable.Range(0, 10).Select(_ => Task.Run(() => alerted.GetAsync(First.Key, version, Ct), Ct)).ToList();
        await WaitForAsync(() => store.Reads > 0);
        store.Release();
        var articles = await Task.WhenAll(reads);

        // Assert
        Assert.All(articles, article => Assert.Equal(First, article));
        Assert.Equal(1, store.Reads);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetAsync_ReadFailsOrEndsCancelled_NextMessageReadsAgain(bool cancelled)
    {
        // Arrange: the storage service does not answer, or the client gives up (a time-out surfaces as a cancellation).
        await store.AdmitAsync(First, Ct);
        var version = ScoreArticleHandler.VersionOf(First);
        store.FailNext = cancelled ? new TaskCanceledException("The request timed out.") : new IOException("The storage service did not answer.");

        // Act
        await Assert.ThrowsAnyAsync<Exception>(() => alerted.GetAsync(First.Key, version, Ct));
        var retried = await alerted.GetAsync(First.Key, version, Ct);

        // Assert
        Assert.Equal(First, retried);
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task GetAsync_ArticleUpdated_ReadsTheNewVersion()
    {
        // Arrange: the first version was alerted and kept; then the article was updated and scored again.
        await store.AdmitAsync(First, Ct);
        await alerted.GetAsync(First.Key, ScoreArticleHandler.VersionOf(First), Ct);
        await store.ReplaceChangedAsync(Revised, Ct);

        // Act
        var updated = await alerted.GetAsync(First.Key, ScoreArticleHandler.VersionOf(Revised), Ct);
        var again = await alerted.GetAsync(First.Key, ScoreArticleHandler.VersionOf(Revised), Ct);

        // Assert: the update is read from the store once, then kept.
        Assert.Equal(Revised.Summary, updated!.Summary);
        Assert.Equal(Revised.Summary, again!.Summary);
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task GetAsync_MessageWithoutVersion_AlwaysReadsTheStore()
    {
        // Arrange
        await store.AdmitAsync(First, Ct);

        // Act
        await alerted.GetAsync(First.Key, null, Ct);
        await alerted.GetAsync(First.Key, null, Ct);

        // Assert
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task GetAsync_ArticleMissingOrOfAnotherVersion_ReadEveryTime()
    {
        // Arrange: a message scored on a version the store no longer holds, and one whose article is gone.
        await store.AdmitAsync(First, Ct);

        // Act
        var other = await alerted.GetAsync(First.Key, "00000000", Ct);
        await alerted.GetAsync(First.Key, "00000000", Ct);
        var missing = await alerted.GetAsync("article-2", "00000000", Ct);
        await alerted.GetAsync("article-2", "00000000", Ct);

        // Assert: as stored, and nothing kept.
        Assert.Equal(First, other);
        Assert.Null(missing);
        Assert.Equal(4, store.Reads);
    }

    [Fact]
    public async Task GetAsync_OneCallerCancelled_OthersGetTheArticle()
    {
        // Arrange
        await store.AdmitAsync(First, Ct);
        var version = ScoreArticleHandler.VersionOf(First);
        store.Hold();
        using var cancelled = new CancellationTokenSource();

        // Act
        var waiting = alerted.GetAsync(First.Key, version, cancelled.Token);
        var other = alerted.GetAsync(First.Key, version, Ct);
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        store.Release();

        // Assert
        Assert.Equal(First, await other);
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task CopiesAsync_DeliveriesOfOneAlertAtOnce_ListTheCopiesOnceAndACopyLaterIsListedNext()
    {
        // Arrange
        copies.Add("article-1", new StoryCopy("article-2", "herald", "The Herald", "https://herald.example/2"));
        copies.Hold();

        // Act: ten messages while the query is under way; then a copy is ingested and another message comes.
        var atOnce = Enumerable.Range(0, 10).Select(_ => alerted.CopiesAsync("article-1", Ct)).ToList();
        copies.Release();
        var lists = await Task.WhenAll(atOnce);
        copies.Add("article-1", new StoryCopy("article-3", "gazette", "The Gazette", "https://gazette.example/3"));
        var later = await alerted.CopiesAsync("article-1", Ct);

        // Assert
        Assert.All(lists, list => Assert.Equal("article-2", Assert.Single(list).ArticleKey));
        Assert.Equal(["article-2", "article-3"], later.Select(copy => copy.ArticleKey));
        Assert.Equal(2, copies.Queries);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, Ct);
        }
    }

    public void Dispose() => alerted.Dispose();

    // Story copies in memory, counting queries.
    private sealed class CountingCopies : IStoryCopyStore
    {
        private readonly Dictionary<string, List<StoryCopy>> stories = new(StringComparer.Ordinal);
        private int queries;
        private TaskCompletionSource? gate;

        public int Queries => queries;

        public void Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => gate?.SetResult();

        public void Add(string story, StoryCopy copy) => (stories.TryGetValue(story, out var list) ? list : stories[story] = []).Add(copy);

        public Task AddCopyAsync(string clusterKey, StoryCopy member, CancellationToken cancellationToken)
        {
            Add(clusterKey, member);
            return Task.CompletedTask;
        }

        public async Task<IReadOnlyList<StoryCopy>> ListCopiesAsync(string clusterKey, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref queries);
            await (gate?.Task ?? Task.CompletedTask);
            return stories.TryGetValue(clusterKey, out var list) ? [.. list] : [];
        }
    }

    // The in-memory store, counting reads.
    private sealed class CountingArticleStore : IArticleStore
    {
        private readonly InMemoryArticleStore inner = new();

        public Task<ArticleAdmission> AdmitAsync(Article article, CancellationToken cancellationToken) => inner.AdmitAsync(article, cancellationToken);

        public Task MarkQueuedAsync(string key, string storyKey, CancellationToken cancellationToken) => inner.MarkQueuedAsync(key, storyKey, cancellationToken);

        public Task<Article?> ReplaceChangedAsync(Article article, CancellationToken cancellationToken) => inner.ReplaceChangedAsync(article, cancellationToken);

        private TaskCompletionSource? gate;

        public int Reads => reads;

        public Exception? FailNext { get; set; }

        private int reads;

        public void Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => gate?.SetResult();

        public async Task<Article?> GetAsync(string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref reads);
            if (gate is not null)
            {
                await gate.Task;
            }

            if (FailNext is { } failure)
            {
                FailNext = null;
                throw failure;
            }

            return await inner.GetAsync(key, cancellationToken);
        }
    }
}
