using Alerts.Core.Articles;
using Alerts.Core.Pipeline;

namespace Alerts.Core.Tests.Pipeline;

public sealed class FeedIntakeTallyTests
{
    [Fact]
    public void Describe_CountsEachOutcomeAndKeepsTheNewArticles()
    {
        // Arrange
        var tally = new FeedIntakeTally(6);
        var fresh = new Article("k1", "wire", "New", null, null, null, DateTimeOffset.UnixEpoch);

        // Act
        tally.Add(fresh, IntakeOutcome.New);
        tally.Add(fresh with { Key = "k2" }, IntakeOutcome.SeenBefore);
        tally.Add(fresh with { Key = "k3" }, IntakeOutcome.CopyOfKnownStory);
        tally.Add(fresh with { Key = "k4" }, IntakeOutcome.Updated);
        tally.Add(fresh with { Key = "k5" }, IntakeOutcome.Backlog);
        tally.Add(fresh with { Key = "k6" }, IntakeOutcome.Backlog);

        // Assert
        Assert.Equal("6 items, 1 new, 1 copies of known stories, 1 updated, 2 older than the source (stored, not alerted)", tally.Describe());
        Assert.Equal([fresh], tally.New);
        Assert.Equal(1, tally[IntakeOutcome.SeenBefore]);
    }
}
