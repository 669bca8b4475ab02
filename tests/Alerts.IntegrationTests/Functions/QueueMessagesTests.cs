using Alerts.Core.Serialization;
using Alerts.Functions;

namespace Alerts.IntegrationTests.Functions;

public sealed class QueueMessagesTests
{
    [Theory]
    [InlineData("{}", "The score article message has no 'articleKey'.")]
    [InlineData("{\"articleKey\": null}", "Queue message is not a valid score article message: articleKey must not be null")]
    [InlineData("{\"articleKey\": 42}", "Queue message is not a valid score article message: articleKey must be text")]
    public void Parse_MissingOrWrongField_SaysWhichInsteadOfFailingLater(string body, string expected)
    {
        // Act
        var error = Assert.Throws<InvalidDataException>(() => QueueMessages.Parse(body, AlertsJsonContext.Default.ScoreArticleMessage));

        // Assert
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Parse_CompleteMessage_IsRead()
    {
        // Act / Assert
        Assert.Equal("u-1", QueueMessages.Parse("{\"articleKey\": \"u-1\"}", AlertsJsonContext.Default.ScoreArticleMessage).ArticleKey);
    }
}
