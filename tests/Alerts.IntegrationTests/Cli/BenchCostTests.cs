using Alerts.Cli.Benchmarks;
using Alerts.Core.Topics;

namespace Alerts.IntegrationTests.Cli;

/// <summary>The cost figures `alerts bench pipeline` prints: feed traffic over a real listener, Language records.</summary>
public sealed class BenchCostTests
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
}
