using System.Text;
using Alerts.Infrastructure.Channels;

namespace Alerts.Infrastructure.Tests.Channels;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_764_072_000);

    [Fact]
    public void Compute_KnownVector_MatchesHmacSha256OfTimestampDotBody()
    {
        // Arrange: HMAC-SHA256(key "key", "1.{}") computed with openssl:
        // printf '1.{}' | openssl dgst -sha256 -hmac key
        var body = Encoding.UTF8.GetBytes("{}");

        // Act
        var signature = WebhookSignature.Compute("key", 1, body);

        // Assert
        Assert.Equal("sha256=" + ExpectedForKeyOneEmptyObject, signature);
    }

    [Fact]
    public void Verify_FreshAndCorrect_IsTrue()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes("""{"alertId":"a"}""");
        var timestamp = Now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Compute("secret", timestamp, body);

        // Act + Assert
        Assert.True(WebhookSignature.Verify("secret", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), body, signature, Now.AddSeconds(30), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_ReplayedAfterTolerance_IsFalse()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes("{}");
        var timestamp = Now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Compute("secret", timestamp, body);

        // Act + Assert
        Assert.False(WebhookSignature.Verify("secret", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), body, signature, Now.AddMinutes(6), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("12abc")]
    public void Verify_BadTimestamp_IsFalse(string? timestamp)
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes("{}");
        var signature = WebhookSignature.Compute("secret", Now.ToUnixTimeSeconds(), body);

        // Act + Assert
        Assert.False(WebhookSignature.Verify("secret", timestamp, body, signature, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_SignatureForAnotherTimestamp_IsFalse()
    {
        // Arrange: the timestamp is part of what is signed, so it cannot be refreshed by an attacker.
        var body = Encoding.UTF8.GetBytes("{}");
        var signature = WebhookSignature.Compute("secret", Now.ToUnixTimeSeconds() - 3600, body);

        // Act + Assert
        Assert.False(WebhookSignature.Verify("secret", Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), body, signature, Now, TimeSpan.FromMinutes(5)));
    }

    private const string ExpectedForKeyOneEmptyObject = "1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224";
}
