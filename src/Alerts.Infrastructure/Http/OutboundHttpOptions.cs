using System.ComponentModel.DataAnnotations;

namespace Alerts.Infrastructure.Http;

/// <summary>
/// Rules for every outgoing HTTP request Alerts makes on behalf of data it did not write itself
/// (feed URLs, article pages, subscriber webhooks). Bound from <c>Alerts:Http</c>.
/// </summary>
public sealed class OutboundHttpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Alerts:Http";

    /// <summary>
    /// Allows connections to loopback, private, link-local and other non-public addresses.
    /// Off in production so that a hostile feed or webhook URL cannot reach the network Alerts runs in;
    /// local development, the demo and tests turn it on because their peers listen on 127.0.0.1.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Sent on every request so that publishers can see who fetches and how to reach the operator.</summary>
    [Required(AllowEmptyStrings = false)]
    public string UserAgent { get; set; } = "Alerts/1.0 (news alert feed reader; +https://github.com/alerts-news/alerts)";

    /// <summary>Whole-request budget (connect, headers and body) unless a source sets its own.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Budget for establishing one TCP connection.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest body accepted, counted after decompression so that a gzip bomb is stopped too.</summary>
    [Range(1024, 1L << 32)]
    public long MaxResponseBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Redirect hops followed before giving up.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;
}
