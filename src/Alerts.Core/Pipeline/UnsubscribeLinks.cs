using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Signed one-click unsubscribe links (RFC 8058). The token is an HMAC of the subscriber id, so links cannot be
/// forged for other subscribers and need no storage.
/// </summary>
public sealed class UnsubscribeLinks(IOptions<AlertsOptions> options)
{
    /// <summary>The link for a subscriber, or null when no public base URL is configured.</summary>
    public Uri? For(string subscriberId)
    {
        var baseUrl = options.Value.PublicBaseUrl;
        if (baseUrl is null)
        {
            return null;
        }

        var query = $"api/unsubscribe?s={Uri.EscapeDataString(subscriberId)}&t={TokenFor(subscriberId)}";
        return new Uri(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), query);
    }

    /// <summary>Whether <paramref name="token"/> is the valid token for the subscriber.</summary>
    public bool IsValid(string subscriberId, string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(TokenFor(subscriberId)), Encoding.ASCII.GetBytes(token));

    private string TokenFor(string subscriberId)
    {
        var key = Encoding.UTF8.GetBytes(options.Value.UnsubscribeSigningKey);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(subscriberId)).AsSpan(0, 16));
    }
}
