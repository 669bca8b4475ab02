using Alerts.Cli.Benchmarks;
using Alerts.Core.Topics;
using Alerts.IntegrationTests.Support;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Alerts.IntegrationTests.Cli;

/// <summary>
/// The cost figures `alerts bench pipeline` prints: feed traffic over a real listener, Language records, and the
/// transport's replay of a run's storage operations on Azurite.
/// </summary>
public sealed class BenchCostTests(AzuriteFixture azurite)
{
    private static readonly List<(string Title, string Body)> Corpus =
    [
        ("Troops arrive in Kabul", "KABUL (Reuters) - Turkish troops arrived in Kabul on Monday to secure the airport, officials said."),
        ("Markets rise", "Shares rose in London on Monday as oil prices fell."),
        ("Storm hits coast", "A storm hit the coast of Florida, cutting power to thousands of homes."),
    ];

    [Fact]
    public async Task FeedTraffic_PublisherAddingFourItemsADay_ConditionalGetFetchesOnlyChangesAndCostsFewerBytes()
    {
        // Act
        var result = await FeedTraffic.MeasureAsync(Corpus, itemsPerDay: 4, TestContext.Current.CancellationToken);

        // Assert: one full answer per change, 304 for every other poll of the day; without validators all 288 are full.
        Assert.Equal(4, result.Conditional.FullResponses);
        Assert.Equal(284, result.Conditional.NotModified);
        Assert.Equal(288, result.Unconditional.FullResponses);
        Assert.Equal(0, result.Unconditional.NotModified);
        // Every poll still sends its request and a 304 its headers (both counted), so on this small feed the saving is
        // a few times, not the 72 times fewer full answers.
        Assert.True(result.Unconditional.Bytes > 2 * result.Conditional.Bytes, $"{result.Unconditional.Bytes} vs {result.Conditional.Bytes}");
        Assert.True(result.CompressedFeedBytes < result.FeedBytes);
    }

    [Fact]
    public async Task LanguageRecords_OnlyArticlesMatchingAConstrainedTopicAreSent_OneRecordPerStartedThousandCharacters()
    {
        // Arrange: one constrained topic the first article matches, one unconstrained topic the storm matches.
        var longStory = ("Troops arrive in Kabul", string.Join(' ', Enumerable.Repeat("Foreign troops arrived in Kabul to secure the airport.", 40)));
        List<(string Title, string Body)> corpus = [.. Corpus, longStory];
        WatchTopic[] topics =
        [
            new("troops", "Troops in Afghanistan", "troops") { Constraints = new TopicConstraints { Places = ["Afghanistan"] } },
            new("storms", "Storms", "storm"),
        ];

        // Act
        var result = await LanguageRecords.CountAsync(corpus, topics, TestContext.Current.CancellationToken);

        // Assert: the two troop stories are sent (1 record, and 3 for about 2,200 characters); the storm is not.
        Assert.Equal(4, result.Articles);
        Assert.Equal(2, result.Sent);
        Assert.Equal(1 + 3, result.Records);
    }

    [Fact]
    public async Task ReplayAsync_RunsEachKindOfRequestInTheRunsProportion()
    {
        // Arrange: per article one send, a quarter of a receive, two inserts, one read, half a merge and half a replace.
        var counter = new TransactionCounter { QueuePort = new Uri(Setting("QueueEndpoint")).Port };
        var queues = new QueueServiceClient(azurite.ConnectionString, Counted(new QueueClientOptions(), counter));
        var tables = new TableServiceClient(azurite.ConnectionString, Counted(new TableClientOptions(), counter));
        var perArticle = new Dictionary<string, double>
        {
            ["queue POST"] = 1, ["queue GET"] = 0.25, ["queue DELETE"] = 1, ["table POST"] = 2, ["table GET"] = 1, ["table PATCH"] = 0.5, ["table PUT"] = 0.5,
        };
        var name = AzuriteFixture.UniqueName("replay");

        // Act
        var (perSecond, requests) = await TransportCeiling.ReplayAsync(queues, tables, perArticle, articles: 40, name);

        // Assert: the deletes are those of the messages the receives got; the seeded rows are written before the clock.
        var sent = counter.ByResource();
        long Count(string key) => sent.GetValueOrDefault($"{key} {name}");
        Assert.Equal(40, Count("queue POST"));
        Assert.Equal(10, Count("queue GET"));
        Assert.Equal(TransportCeiling.ReplaySeedRows + 80, Count("table POST"));
        Assert.Equal(40, Count("table GET"));
        Assert.Equal(20, Count("table PATCH"));
        Assert.Equal(20, Count("table PUT"));
        Assert.InRange(Count("queue DELETE"), 1, 40);
        Assert.Equal(40 + 10 + 80 + 40 + 20 + 20 + Count("queue DELETE"), requests);
        Assert.True(perSecond > 0);
    }

    private string Setting(string key) => azurite.ConnectionString.Split(';')
        .Select(part => part.Split('=', 2))
        .Single(pair => pair[0] == key)[1];

    private static T Counted<T>(T options, TransactionCounter counter)
        where T : ClientOptions
    {
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return options;
    }
}
