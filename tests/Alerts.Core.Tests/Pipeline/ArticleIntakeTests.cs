using Alerts.Core.Workbench;
using Alerts.Core.Articles;
using Alerts.Core.Ingestion;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline;

/// <summary>Intake in memory: new articles, copies of known stories, and new versions of stored articles.</summary>
public sealed class ArticleIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemoryArticleStore _articles = new();
    private readonly InMemoryStoryIndex _stories = new(new StoryIndexOptions(), new FakeTimeProvider(Now));
    private readonly RecordingQueue<ScoreArticleMessage> _scoring = new();
    private readonly InMemoryRecentArticles _recent = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdmitAsync_NewHeadlineUnderTheSameLink_IsStoredAndScoredAgainOnce()
    {
        // Arrange
        var intake = Intake();
        var teaser = Story("a1", "wire", "Airport security: decision expected", "A decision on who guards the airport is expected today.");
        var full = teaser with { Title = "Turkish troops to stay and guard Kabul airport", Summary = "Turkey said its soldiers will remain to secure the airport." };

        // Act
        var first = await intake.AdmitAsync(teaser, Ct);
        var second = await intake.AdmitAsync(full, Ct);
        var third = await intake.AdmitAsync(full with { Title = " Turkish troops to stay and  guard Kabul airport " }, Ct);

        // Assert
        Assert.Equal([IntakeOutcome.New, IntakeOutcome.Updated, IntakeOutcome.SeenBefore], new[] { first, second, third });
        Assert.Equal(full.Title, (await _articles.GetAsync("a1", Ct))!.Title);
        Assert.Equal(2, _scoring.Sent.Count);
        Assert.All(_scoring.Sent, s => Assert.Null(s.Message.StoryKey));
    }

    [Fact]
    public async Task AdmitAsync_UpdatedCopyOfAKnownStory_IsScoredAsPartOfThatStory()
    {
        // Arrange
        var intake = Intake();
        const string summary = "Turkey said its soldiers already deployed in Afghanistan will remain to secure Kabul's airport after US and NATO forces leave.";
        await intake.AdmitAsync(Story("first", "wire", "Turkish troops to stay and guard Kabul airport after NATO withdrawal", summary), Ct);
        var copy = Story("copy", "other", "Turkish troops to stay and guard Kabul airport after NATO pullout", summary);
        var joined = await intake.AdmitAsync(copy, Ct);

        // Act
        var updated = await intake.AdmitAsync(copy with { Summary = summary + " Ankara confirmed the plan on Tuesday." }, Ct);

        // Assert
        Assert.Equal(IntakeOutcome.CopyOfKnownStory, joined);
        Assert.Equal(IntakeOutcome.Updated, updated);
        Assert.Equal("first", _scoring.Sent[^1].Message.StoryKey);
        Assert.Equal("copy", _scoring.Sent[^1].Message.ArticleKey);
    }

    [Fact]
    public async Task AdmitAsync_CopyUpdatedTwice_BothVersionsScoredUnderTheOriginalStory()
    {
        // Arrange
        var intake = Intake();
        const string summary = "Turkey said its soldiers already deployed in Afghanistan will remain to secure Kabul's airport after US and NATO forces leave.";
        await intake.AdmitAsync(Story("first", "wire", "Turkish troops to stay and guard Kabul airport after NATO withdrawal", summary), Ct);
        var copy = Story("copy", "other", "Turkish troops to stay and guard Kabul airport after NATO pullout", summary);
        await intake.AdmitAsync(copy, Ct);

        // Act
        var once = await intake.AdmitAsync(copy with { Title = "Ankara confirms its troops will guard Kabul airport" }, Ct);
        var twice = await intake.AdmitAsync(copy with { Title = "Parliament in Ankara backs the Kabul airport mission" }, Ct);

        // Assert
        Assert.Equal([IntakeOutcome.Updated, IntakeOutcome.Updated], new[] { once, twice });
        Assert.All(_scoring.Sent.Skip(2), s => Assert.Equal("first", s.Message.StoryKey));
    }

    [Fact]
    public async Task AdmitAsync_UpdateInterruptedBeforeItsScoringWasQueued_IsResumedByTheNextFetch()
    {
        // Arrange: the queue is down when the new version arrives
        var failing = new FailingOnce<ScoreArticleMessage>(_scoring, failOnCall: 2);
        var intake = new ArticleIntake(_articles, _stories, _stories, failing, new InMemoryRecentArticles(), NullLogger<ArticleIntake>.Instance);
        var teaser = Story("a1", "wire", "Airport security: decision expected", "A decision is expected today.");
        await intake.AdmitAsync(teaser, Ct);
        var full = teaser with { Title = "Turkish troops to stay and guard Kabul airport" };
        await Assert.ThrowsAsync<InvalidOperationException>(() => intake.AdmitAsync(full, Ct));

        // Act
        var resumed = await intake.AdmitAsync(full, Ct);
        var again = await intake.AdmitAsync(full, Ct);

        // Assert
        Assert.Equal(IntakeOutcome.Updated, resumed);
        Assert.Equal(IntakeOutcome.SeenBefore, again);
        Assert.Equal(2, _scoring.Sent.Count);
        Assert.Equal(full.Title, (await _articles.GetAsync("a1", Ct))!.Title);
    }

    [Fact]
    public async Task AdmitAsync_BacklogItemSeenAgainWithChanges_IsNotScored()
    {
        // Arrange
        var intake = Intake();
        var item = Story("old", "wire", "Old headline", "Old summary.");
        await intake.AdmitAsync(item, score: false, Ct);

        // Act
        var again = await intake.AdmitAsync(item with { Title = "New headline" }, score: false, Ct);

        // Assert
        Assert.Equal(IntakeOutcome.SeenBefore, again);
        Assert.Empty(_scoring.Sent);
    }

    [Fact]
    public async Task AdmitAsync_SemanticSignalOn_KeepsTheArticlesEmbeddingForPreviews_WithoutIt_None()
    {
        var embedder = new FixedEmbedder();
        var withSignal = new ArticleIntake(_articles, _stories, _stories, _scoring, _recent, NullLogger<ArticleIntake>.Instance, embedder);

        await withSignal.AdmitAsync(Story("a1", "wire", "Troops arrive in Kabul", "Soldiers landed."), Ct);
        await Intake().AdmitAsync(Story("a2", "wire", "Markets rise", "Shares up."), Ct);

        Assert.Equal([1f, 0f], Embeddings.Decode(_recent.All.Single(a => a.Key == "a1").Embedding)!);
        Assert.Null(_recent.All.Single(a => a.Key == "a2").Embedding);
        Assert.Null((await _articles.GetAsync("a1", Ct))!.Embedding);
    }

    private sealed class FixedEmbedder : Alerts.Core.Scoring.ITextEmbedder
    {
        public float[] Embed(string text) => [1f, 0f];
    }

    private ArticleIntake Intake() => new(_articles, _stories, _stories, _scoring, _recent, NullLogger<ArticleIntake>.Instance);

    private static Article Story(string key, string source, string title, string summary) =>
        new(key, source, title, $"https://news.example.org/{key}", summary, null, Now) { FirstSeen = Now };

    // A queue whose n-th send fails, as an outage would.
    private sealed class FailingOnce<T>(IMessageQueue<T> inner, int failOnCall) : IMessageQueue<T>
    {
        private int _calls;

        public Task EnqueueAsync(T message, TimeSpan? delay, CancellationToken cancellationToken) =>
            ++_calls == failOnCall ? throw new InvalidOperationException("queue unavailable") : inner.EnqueueAsync(message, delay, cancellationToken);
    }
}
