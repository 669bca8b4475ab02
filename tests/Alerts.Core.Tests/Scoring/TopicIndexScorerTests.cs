using Alerts.Core.Articles;
using Alerts.Core.Entities;
using Alerts.Core.Pipeline;
using Alerts.Core.Scoring;
using Alerts.Core.Text;
using Alerts.Core.Topics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Scoring;

public sealed class TopicIndexScorerTests
{
    private static Article Article(string title, string body) =>
        new("k1", "test", title, null, body, null, DateTimeOffset.UnixEpoch);

    private static TopicIndexScorer Scorer(ITopicStore store, TimeProvider time, int refreshSeconds, IEntityEnricher? enricher = null) =>
        new(store, Options.Create(new ScoringOptions { RefreshIntervalSeconds = refreshSeconds }), time, null, enricher);

    [Fact]
    public void Candidates_OnlyTopicsSharingARequiredWord()
    {
        // Arrange
        var index = TopicIndex.Build(
            [
                new WatchTopic("quake", "Quakes", "earthquake (Japan OR Chile)"),
                new WatchTopic("oil", "Oil", "oil pipeline*"),
                new WatchTopic("chess", "Chess", "chess grandmaster"),
            ],
            Gazetteer.Default,
            "v1");

        // Act
        var candidates = index.Candidates(new AnalyzedDocument("Pipelines leak", "Oil spilled from two pipelines."));

        // Assert
        Assert.Equal(["oil"], candidates.Select(c => c.Topic.Id));
    }

    [Fact]
    public void Candidates_ArticleMeetingOnlyOneRequirement_IsNotACandidate()
    {
        // Arrange
        var index = TopicIndex.Build([new WatchTopic("oil", "Oil", "oil pipeline*"), new WatchTopic("phrase", "Phrase", "\"central bank\"")], Gazetteer.Default, "v1");

        // Act
        var oilOnly = index.Candidates(new AnalyzedDocument("Oil prices rise", "Crude climbed."));
        var bankOnly = index.Candidates(new AnalyzedDocument("Bank profits rise", "A central heating firm too."));
        var both = index.Candidates(new AnalyzedDocument("Central bank and oil pipelines", string.Empty));

        // Assert
        Assert.Empty(oilOnly);
        Assert.Equal(["phrase"], bankOnly.Select(c => c.Topic.Id));
        Assert.Equal(["oil", "phrase"], both.Select(c => c.Topic.Id).Order());
    }

    [Fact]
    public void Build_InvalidTopic_IsRejectedOthersIndexed()
    {
        // Act
        var index = TopicIndex.Build([new WatchTopic("ok", "Ok", "troops"), new WatchTopic("bad", "Bad", "(troops")], Gazetteer.Default, "v");

        // Assert
        Assert.Equal(1, index.Count);
        Assert.Equal("bad", Assert.Single(index.Rejected).TopicId);
    }

    [Fact]
    public async Task ScoreAsync_TopicAddedLater_IsPickedUpWithoutRestart()
    {
        // Arrange
        var store = new InMemoryTopicStore([new WatchTopic("quake", "Quakes", "earthquake")]);
        var time = new FakeTimeProvider();
        var scorer = Scorer(store, time, refreshSeconds: 30);
        var article = Article("Volcano erupts", "Ash covered the villages.");
        var before = await scorer.ScoreAsync(article, TestContext.Current.CancellationToken);

        // Act
        await store.UpsertAsync(new WatchTopic("volcano", "Volcanoes", "volcano*"), TestContext.Current.CancellationToken);
        var beforeInterval = await scorer.ScoreAsync(article, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(31));
        var after = await scorer.ScoreAsync(article, TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(before);
        Assert.Empty(beforeInterval);
        Assert.Equal("volcano", Assert.Single(after).TopicId);
    }

    [Fact]
    public async Task ScoreAsync_DuringSlowRebuild_OtherCallersUseCurrentIndex()
    {
        // Arrange
        var store = new GatedTopicStore([new WatchTopic("quake", "Quakes", "earthquake")]);
        var scorer = Scorer(store, new FakeTimeProvider(), refreshSeconds: 0);
        var article = Article("Earthquake and volcano", "Ash and tremors.");
        await scorer.ScoreAsync(article, TestContext.Current.CancellationToken);
        await store.UpsertAsync(new WatchTopic("volcano", "Volcanoes", "volcano"), TestContext.Current.CancellationToken);
        store.Close();

        // Act
        var rebuilding = scorer.ScoreAsync(article, TestContext.Current.CancellationToken).AsTask();
        await store.ListingStarted;
        var meanwhile = await scorer.ScoreAsync(article, TestContext.Current.CancellationToken);
        store.Open();
        var rebuilt = await rebuilding;

        // Assert
        Assert.Equal(["quake"], meanwhile.Select(m => m.TopicId));
        Assert.Equal(["quake", "volcano"], rebuilt.Select(m => m.TopicId).Order());
    }

    [Fact]
    public async Task ScoreAsync_ZeroInterval_SeesDeletionImmediately()
    {
        // Arrange
        var store = new InMemoryTopicStore([new WatchTopic("quake", "Quakes", "earthquake")]);
        var scorer = Scorer(store, new FakeTimeProvider(), refreshSeconds: 0);
        var article = Article("Earthquake in Chile", "A strong earthquake struck.");
        var before = await scorer.ScoreAsync(article, TestContext.Current.CancellationToken);

        // Act
        await store.DeleteAsync("quake", TestContext.Current.CancellationToken);
        var after = await scorer.ScoreAsync(article, TestContext.Current.CancellationToken);

        // Assert
        Assert.Single(before);
        Assert.Empty(after);
    }

    [Fact]
    public async Task ScoreAsync_EnricherFindsUnknownCountry_MergedAsActor()
    {
        // Arrange: the gazetteer does not know Freedonia (a fictional country); the external recogniser does.
        var store = new InMemoryTopicStore([SampleTopics.AfghanistanForeignTroops]);
        var title = "Freedonia sends troops to Kabul";
        var body = "The small contingent will guard a base near Kabul.";
        var enricher = new FakeEnricher(new RecognizedEntity("Freedonia", "Location", 0, 9, 0.98) { Subcategory = "GPE", Source = "azure-language" });
        var withEnricher = Scorer(store, new FakeTimeProvider(), 0, enricher);
        var offlineOnly = Scorer(store, new FakeTimeProvider(), 0);

        // Act
        var enriched = (await withEnricher.ScoreAsync(Article(title, body), TestContext.Current.CancellationToken)).Single();
        var offline = (await offlineOnly.ScoreAsync(Article(title, body), TestContext.Current.CancellationToken)).Single();

        // Assert
        Assert.True(enriched.Alert);
        Assert.Contains(enriched.Evidence, e => e.Description.StartsWith("actor: Freedonia", StringComparison.Ordinal) && e.Description.Contains("azure-language", StringComparison.Ordinal));
        Assert.False(offline.Alert);
        Assert.Equal(1, enricher.Calls);
    }

    [Fact]
    public async Task ScoreAsync_EnricherFindsAPlace_PlaceTermReadsItAsTheConstraintsDo()
    {
        // Arrange: a text with no capitals, where the offline recogniser reads countries and peoples only; the
        // service finds the city. The constrained topic's words match, so the article is sent; topics filed under
        // China's places only become candidates once the service's places are read.
        var store = new InMemoryTopicStore(
        [
            new WatchTopic("term", "Monks in China", "monk* place:China"),
            new WatchTopic("place-only", "China", "place:China"),
            new WatchTopic("word-or-place", "Nuns or China", "nun* OR place:China"),
            new WatchTopic("constrained", "Monks in China", "monk*") { Constraints = new TopicConstraints { Places = ["China"] } },
        ]);
        var title = "monks march in lhasa";
        var body = "hundreds of monks marched through lhasa on monday.";
        var enricher = new FakeEnricher(new RecognizedEntity("lhasa", "Location", 15, 5, 0.97) { Subcategory = "GPE", Source = "azure-language" });
        var withEnricher = Scorer(store, new FakeTimeProvider(), 0, enricher);
        var offlineOnly = Scorer(store, new FakeTimeProvider(), 0);

        // Act
        var enriched = await withEnricher.ScoreAsync(Article(title, body), TestContext.Current.CancellationToken);
        var offline = await offlineOnly.ScoreAsync(Article(title, body), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, enricher.Calls);
        Assert.Equal(["constrained", "place-only", "term", "word-or-place"], enriched.Where(m => m.Alert).Select(m => m.TopicId).Order());
        Assert.Equal(["constrained"], offline.Where(m => m.Alert).Select(m => m.TopicId));
    }

    [Fact]
    public async Task ScoreAsync_ArticleWithoutCandidates_DoesNotCallEnricher()
    {
        // Arrange
        var enricher = new FakeEnricher();
        var scorer = Scorer(new InMemoryTopicStore([SampleTopics.AfghanistanForeignTroops]), new FakeTimeProvider(), 0, enricher);

        // Act
        var matches = await scorer.ScoreAsync(Article("Stocks rise", "Shares gained on Monday."), TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(matches);
        Assert.Equal(0, enricher.Calls);
    }

    [Fact]
    public async Task ScoreAsync_EnricherFails_FallsBackToOfflineEntities()
    {
        // Arrange
        var enricher = new FakeEnricher { Fail = true };
        var scorer = Scorer(new InMemoryTopicStore([SampleTopics.AfghanistanForeignTroops]), new FakeTimeProvider(), 0, enricher);

        // Act
        var match = (await scorer.ScoreAsync(Article("British troops arrive in Helmand", "More British troops landed in Afghanistan."), TestContext.Current.CancellationToken)).Single();

        // Assert
        Assert.True(match.Alert);
        Assert.Equal(1, enricher.Calls);
    }

    [Fact]
    public void AddAlertsScoring_RegistersScorerWithValidatedOptions()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Alerts:Scoring:RefreshIntervalSeconds"] = "5" })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<ITopicStore>(new InMemoryTopicStore(SampleTopics.All))
            .AddAlertsScoring(configuration);

        // Act
        using var provider = services.BuildServiceProvider();
        var scorer = provider.GetRequiredService<IArticleScorer>();
        var options = provider.GetRequiredService<IOptions<ScoringOptions>>().Value;

        // Assert
        Assert.IsType<TopicIndexScorer>(scorer);
        Assert.Equal(5, options.RefreshIntervalSeconds);
    }

    [Theory]
    [InlineData("-5", typeof(OptionsValidationException))]
    [InlineData("soon", typeof(InvalidOperationException))]
    public void AddAlertsScoring_BadSetting_FailsNamingIt(string value, Type error)
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Alerts:Scoring:RefreshIntervalSeconds"] = value })
            .Build();
        using var provider = new ServiceCollection().AddAlertsScoring(configuration).BuildServiceProvider();

        // Act: out of range fails validation; not a number fails binding (alerts host puts both in words)
        var thrown = Assert.Throws(error, () => provider.GetRequiredService<IOptions<ScoringOptions>>().Value);

        // Assert
        Assert.Contains("RefreshIntervalSeconds", thrown.Message, StringComparison.Ordinal);
    }

    private sealed class GatedTopicStore(IEnumerable<WatchTopic> topics) : ITopicStore
    {
        private readonly InMemoryTopicStore inner = new(topics);
        private readonly TaskCompletionSource listingStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource gate = CreateOpen();

        public Task ListingStarted => listingStarted.Task;

        public void Close() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => gate.TrySetResult();

        public async IAsyncEnumerable<WatchTopic> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (!gate.Task.IsCompleted)
            {
                listingStarted.TrySetResult();
            }

            await gate.Task.WaitAsync(cancellationToken);
            await foreach (var topic in inner.ListAsync(cancellationToken))
            {
                yield return topic;
            }
        }

        public Task<WatchTopic?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public Task UpsertAsync(WatchTopic topic, CancellationToken cancellationToken) => inner.UpsertAsync(topic, cancellationToken);

        public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);

        public Task<string> GetVersionAsync(CancellationToken cancellationToken) => inner.GetVersionAsync(cancellationToken);

        private static TaskCompletionSource CreateOpen()
        {
            var open = new TaskCompletionSource();
            open.SetResult();
            return open;
        }
    }

    private sealed class FakeEnricher(params RecognizedEntity[] entities) : IEntityEnricher
    {
        public int Calls { get; private set; }

        public bool Fail { get; init; }

        public bool IsEnabled => true;

        public Task<IReadOnlyDictionary<string, IReadOnlyList<RecognizedEntity>>> RecognizeAsync(
            IReadOnlyList<EntityRequestDocument> documents, CancellationToken cancellationToken)
        {
            Calls++;
            if (Fail)
            {
                throw new HttpRequestException("service unavailable");
            }

            IReadOnlyDictionary<string, IReadOnlyList<RecognizedEntity>> result =
                documents.ToDictionary(d => d.Id, IReadOnlyList<RecognizedEntity> (_) => entities);
            return Task.FromResult(result);
        }
    }
}
