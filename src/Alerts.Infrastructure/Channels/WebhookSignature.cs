using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Alerts.Infrastructure.Channels;

/// <summary>
/// How generic webhooks are signed, and how a receiver checks them: HMAC-SHA256 with the subscriber's secret over
/// <c>"{timestamp}.{body}"</c>, sent as <c>X-Alerts-Signature: sha256=&lt;hex&gt;</c> with the Unix timestamp in
/// <c>X-Alerts-Timestamp</c>. Signing the timestamp lets a receiver reject replays of an old, captured request.
/// </summary>
public static class WebhookSignature
{
    /// <summary>Header carrying <c>sha256=&lt;lowercase hex&gt;</c>.</summary>
    public const string SignatureHeader = "X-Alerts-Signature";

    /// <summary>Header carrying the Unix time in seconds at which the request was signed.</summary>
    public const string TimestampHeader = "X-Alerts-Timestamp";

    /// <summary>Header carrying the alert id, the same on every retry of one alert.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    private const string Prefix = "sha256=";

    /// <summary>The signature header value for a body signed at <paramref name="timestamp"/>.</summary>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// Checks a received request: the signature must match and the timestamp must lie within
    /// <paramref name="tolerance"/> of <paramref name="now"/>. Comparison is constant-time.
    /// </summary>
    public static bool Verify(
        string secret,
        string? timestampHeader,
        ReadOnlySpan<byte> body,
        string? signatureHeader,
        DateTimeOffset now,
        TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret)
            || string.IsNullOrEmpty(signatureHeader)
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return false;
        }

        var age = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(age) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signatureHeader.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
