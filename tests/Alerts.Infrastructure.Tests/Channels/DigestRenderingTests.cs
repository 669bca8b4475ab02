using System.Text.Json;
using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Channels;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Alerts.Infrastructure.Tests.Channels;

/// <summary>A digest as each channel renders it: e-mail, Teams card, webhook JSON.</summary>
public sealed class DigestRenderingTests
{
    private static readonly SmtpOptions Smtp = new() { Host = "smtp.example.test", FromAddress = "alerts@example.test", FromName = "Alerts" };
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void Email_Digest_IsMultipartGroupedByTopicWithLocalTimesAndOneClickUnsubscribe()
    {
        var digest = Digest(2, 3) with { UnsubscribeUrl = new Uri("https://alerts.example.org/api/unsubscribe?s=ann&t=x") };

        var message = new DigestEmailComposer(Smtp, new FakeTimeProvider()).Compose(digest, new MailboxAddress("Ann", "ann@example.org"));

        Assert.Equal("[Alerts] Digest: 6 alerts on 2 topics", message.Subject);
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        var text = message.TextBody!;
        Assert.True(text.IndexOf("== Topic 0 ==", StringComparison.Ordinal) < text.IndexOf("== Topic 1 ==", StringComparison.Ordinal));
        // 09:00 UTC on 1 December is 10:00 in Paris.
        Assert.Contains("Wire | 1 Dec, 10:00", text, StringComparison.Ordinal);
        Assert.Contains("Also reported by Daily Planet", text, StringComparison.Ordinal);
        Assert.Contains("Why: “troops” in the headline", text, StringComparison.Ordinal);
        Assert.Contains("Times are Europe/Paris.", text, StringComparison.Ordinal);
        Assert.Contains("<h2", message.HtmlBody!, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_DevelopingStoryAndFoldedItems_AreSaidInWords()
    {
        var digest = Digest(1, 1);
        var topic = digest.Topics[0];
        digest = digest with
        {
            Topics = [topic with { Folded = 4, Items = [topic.Items[0] with { Development = true, NewReports = 3, NewestHeadline = "Troops leave" }] }],
        };

        var text = new DigestEmailComposer(Smtp, new FakeTimeProvider()).Compose(digest, new MailboxAddress("Ann", "ann@example.org")).TextBody;

        Assert.Contains("Developing: 3 new reports since your alert, newest: “Troops leave”", text, StringComparison.Ordinal);
        Assert.Contains("...and 4 more on this topic", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Teams_BigDigest_StaysUnderTheLimitAndSaysHowManyMore()
    {
        var digest = Digest(5, 10, titleLength: 280);

        var payload = TeamsDigestCard.Build(digest);

        Assert.True(payload.Length <= TeamsCard.MaxPayloadBytes, $"{payload.Length} bytes");
        using var json = JsonDocument.Parse(payload);
        var body = json.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body");
        var texts = body.EnumerateArray().Select(block => block.GetProperty("text").GetString()!).ToList();
        Assert.Equal("Digest: 50 alerts on 5 topics", texts[0]);
        Assert.Contains(texts, text => text.StartsWith("…and ", StringComparison.Ordinal) && text.EndsWith(" more alerts", StringComparison.Ordinal));
    }

    [Fact]
    public void Teams_SmallDigest_ShowsEveryStoryLinked()
    {
        var payload = TeamsDigestCard.Build(Digest(1, 2));

        var card = JsonDocument.Parse(payload).RootElement.GetProperty("attachments")[0].GetProperty("content");
        var texts = card.GetProperty("body").EnumerateArray().Select(block => block.GetProperty("text").GetString()!).ToList();
        Assert.Contains("[Story 0-0 about troops](https://example.org/0-0)", texts);
        Assert.Contains("[Story 0-1 about troops](https://example.org/0-1)", texts);
        Assert.DoesNotContain(texts, text => text.Contains("more alerts", StringComparison.Ordinal));
    }

    [Fact]
    public void Webhook_Digest_IsOneDocumentWithTopicsItemsAndLocalTimes()
    {
        var digest = Digest(2, 2);

        var body = JsonSerializer.SerializeToUtf8Bytes(WebhookDigestPayload.From(digest, new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero)), WebhookJsonContext.Default.WebhookDigestPayload);

        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("digest", root.GetProperty("type").GetString());
        Assert.Equal("digest-1", root.GetProperty("digestId").GetString());
        Assert.Equal("Europe/Paris", root.GetProperty("timeZone").GetString());
        Assert.Equal(4, root.GetProperty("alertCount").GetInt32());
        var item = root.GetProperty("topics")[0].GetProperty("items")[0];
        Assert.Equal("1 Dec, 10:00", item.GetProperty("localTime").GetString());
        Assert.Equal("“troops” in the headline", item.GetProperty("why").GetString());
        Assert.Equal("https://example.org/0-0", item.GetProperty("article").GetProperty("link").GetString());
    }

    private static DigestNotification Digest(int topics, int itemsPerTopic, int titleLength = 0)
    {
        var subscriber = new Subscriber("ann", "Ann", ChannelKind.Email, "ann@example.org") { TimeZone = "Europe/Paris" };
        var published = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        return new DigestNotification(
            "digest-1",
            subscriber,
            [.. Enumerable.Range(0, topics).Select(t => new DigestTopic(
                $"t{t}",
                $"Topic {t}",
                [.. Enumerable.Range(0, itemsPerTopic).Select(i =>
                {
                    var title = $"Story {t}-{i} about troops";
                    return new DigestItem(
                        $"alert-{t}-{i}",
                        new Article($"{t}-{i}", "wire", title.PadRight(Math.Max(titleLength, title.Length), 'x'), $"https://example.org/{t}-{i}", "What happened, in a sentence. And more.", null, published) { SourceName = "Wire" },
                        new TopicMatch($"t{t}", $"Topic {t}", 0.9 - (i / 100.0), true, []),
                        [new RelatedSource("Daily Planet", "https://planet.example.org/1")])
                    {
                        Summary = "What happened, in a sentence.",
                        Why = "“troops” in the headline",
                    };
                })],
                0))],
            published,
            Paris);
    }
}
