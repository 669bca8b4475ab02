using Alerts.Core.Articles;
using Alerts.Core.Ingestion;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Alerts.Testing.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline;

public sealed class AlertComposerTests
{
    private static readonly DateTimeOffset Published = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ComposeAsync_AlertedCopyOfAStory_ListsTheStorysFirstAndOtherOutlets()
    {
        // Arrange: the story started with "first" (a teaser that alerted nobody); "fuller", a copy from another outlet,
        // alerts; the story's copies are kept under its first article's key.
        var articles = new InMemoryArticleStore();
        await articles.AdmitAsync(new Article("first", "wire", "Troops to land in Kabul", "https://wire.example/1", null, null, Published) { SourceName = "The Wire" }, TestContext.Current.CancellationToken);
        var fuller = new Article("fuller", "daily", "Troops arrive in Kabul", "https://daily.example/1", "The first units landed.", null, Published) { StoryKey = "first" };
        await articles.AdmitAsync(fuller, TestContext.Current.CancellationToken);
        var copies = new StoryCopiesOf("first", [
            new StoryCopy("fuller", "daily", "The Daily", "https://daily.example/1"),
            new StoryCopy("third", "herald", "The Herald", "https://herald.example/3"),
        ]);
        var composer = new AlertComposer(new AlertedArticles(articles, copies), new SubscriberLinks(Options.Create(new AlertsOptions()), new FakeTimeProvider(Published)));
        var message = new DeliveryMessage("alert-1", "fuller", "sub-1", new TopicMatch("t", "Troops", 0.9, true, [])) { ArticleVersion = ScoreArticleHandler.VersionOf(fuller) };

        // Act
        var notification = await composer.ComposeAsync(message, new Subscriber("sub-1", "Ops", ChannelKind.Webhook, "https://example.org/hook"), TestContext.Current.CancellationToken);

        // Assert: the story's first outlet and the other copy's, not the alerted article's own.
        Assert.Equal(["The Wire", "The Herald"], notification.AlsoReportedBy.Select(source => source.Name));
    }

    // One story's copies.
    private sealed class StoryCopiesOf(string story, IReadOnlyList<StoryCopy> copies) : IStoryCopyStore
    {
        public Task AddCopyAsync(string clusterKey, StoryCopy member, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<StoryCopy>> ListCopiesAsync(string clusterKey, CancellationToken cancellationToken) =>
            Task.FromResult(clusterKey == story ? copies : (IReadOnlyList<StoryCopy>)[]);
    }
}
