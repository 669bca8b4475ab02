using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Alerts.Infrastructure.Http;

/// <summary>
/// Rules for every outgoing HTTP request Alerts makes on behalf of data it did not write itself
/// (feed URLs, article pages, subscriber webhooks). Bound from <c>Alerts:Http</c>.
/// </summary>
public sealed class OutboundHttpOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Alerts:Http";

    /// <summary>
    /// Allows connections to loopback, private, link-local and other non-public addresses.
    /// Off in production so that a hostile feed or webhook URL cannot reach the network Alerts runs in;
    /// local development, the demo and tests turn it on because their peers listen on 127.0.0.1.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.20.0.0/16</c> or <c>fd12:3456::/48</c>) that may be reached even though they are not
    /// public, for intranet feeds; everything else non-public stays refused.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>Sent on every request so that publishers can see who fetches and how to reach the operator.</summary>
    [Required(AllowEmptyStrings = false)]
    public string UserAgent { get; set; } = "Alerts/1.0 (news alert feed reader)";

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

    /// <summary><see cref="AllowedNetworks"/> parsed; invalid entries are reported by validation at start.</summary>
    internal IReadOnlyList<IPNetwork> ParsedAllowedNetworks() =>
        AllowedNetworks.Select(n => IPNetwork.TryParse(n, out var network) ? network : (IPNetwork?)null)
            .OfType<IPNetwork>()
            .ToList();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var network in AllowedNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                yield return new ValidationResult(
                    $"{SectionName}:{nameof(AllowedNetworks)} entry '{network}' is not a CIDR network such as 10.20.0.0/16.",
                    [nameof(AllowedNetworks)]);
            }
        }
    }
}
