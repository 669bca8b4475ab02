using System.Text.Json;
using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Channels;

namespace Alerts.Infrastructure.Tests.Channels;

public sealed class TeamsCardTests
{
    [Fact]
    public void Build_ExtremeInput_StaysUnderTheLimitAndValid()
    {
        // Arrange: every field far beyond any sane size, with characters JSON must escape.
        var huge = string.Concat(Enumerable.Repeat("\"<Kabul>\" \u0001 «troops» ", 5000));
        var alert = Alert(huge, huge, huge) with
        {
            AlsoReportedBy = [.. Enumerable.Range(0, 2000).Select(i => new RelatedSource(huge, "https://x.example.test/" + i))],
        };
        alert = alert with
        {
            Match = alert.Match with { Evidence = [.. Enumerable.Range(0, 2000).Select(_ => new MatchEvidence("entity", "place: " + huge, huge) { Plain = huge })] },
        };

        // Act
        var payload = TeamsCard.Build(alert);

        // Assert
        Assert.InRange(payload.Length, 1, TeamsCard.MaxPayloadBytes);
        using var json = JsonDocument.Parse(payload);
        Assert.Equal("1.4", json.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("version").GetString());
    }

    [Fact]
    public void Build_SmallAlert_KeepsAllEvidence()
    {
        // Arrange
        var alert = Alert("Turkish troops stay in Kabul", "Example News", "Foreign troops");

        // Act
        var text = System.Text.Encoding.UTF8.GetString(TeamsCard.Build(alert));

        // Assert
        Assert.Contains("reason one", text, StringComparison.Ordinal);
        Assert.Contains("reason two", text, StringComparison.Ordinal);
        Assert.DoesNotContain("more reason", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MarkdownLinkInTitle_IsNotRenderedAsLink()
    {
        // Arrange
        var alert = Alert("Click [here](https://evil.example.test) now", "Example", "Topic");

        // Act
        using var json = JsonDocument.Parse(TeamsCard.Build(alert));

        // Assert
        var body = json.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body");
        var title = body[1].GetProperty("text").GetString();
        Assert.DoesNotContain("](", title, StringComparison.Ordinal);
        Assert.Contains("[here]", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_JavascriptLink_HasNoOpenUrlAction()
    {
        // Arrange
        var alert = Alert("Title", "Source", "Topic");
        alert = alert with { Article = alert.Article with { Link = "javascript:alert(1)" } };

        // Act
        using var json = JsonDocument.Parse(TeamsCard.Build(alert));

        // Assert
        var card = json.RootElement.GetProperty("attachments")[0].GetProperty("content");
        Assert.False(card.TryGetProperty("actions", out _));
    }

    private static AlertNotification Alert(string title, string source, string topic) => new(
        "alert-1",
        new Article("key", "src", title, "https://news.example.test/a", "summary", null, DateTimeOffset.UnixEpoch) { SourceName = source },
        new TopicMatch("topic-id", topic, 0.9, true, [new MatchEvidence("entity", "actor: a (AA) [country, gazetteer]", "«a» b") { Plain = "reason one" }, new MatchEvidence("entity", "place: b") { Plain = "reason two" }]),
        new Subscriber("s", "S", ChannelKind.Teams, "https://hooks.example.test/x"));
}
