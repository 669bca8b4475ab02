using System.Net;

namespace Alerts.Infrastructure.Http;

/// <summary>
/// Checks, when a subscriber is saved, the URL that alerts will later post to, with the rules the connect step
/// applies (<see cref="AddressPolicy"/>), so that a mistake is refused at once instead of failing every delivery.
/// </summary>
public static class OutboundAddressRules
{
    // Host names of cloud metadata services; never called, whatever the settings.
    private static readonly string[] MetadataHosts = ["metadata", "metadata.google.internal", "metadata.goog", "instance-data", "metadata.azure.com"];

    /// <summary>The problem with a webhook or Teams URL in the user's words, or null when it may be used.</summary>
    public static string? Problem(string? address, OutboundHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || string.IsNullOrEmpty(url.Host))
        {
            return "must be an absolute https URL";
        }

        var host = url.Host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (MetadataHosts.Contains(host) || host.EndsWith(".internal", StringComparison.Ordinal))
        {
            return "names a cloud metadata or internal service, which alerts never calls";
        }

        var local = host == "localhost";
        if (IPAddress.TryParse(host, out var ip))
        {
            var range = AddressPolicy.Classify(ip);
            var listed = options.ParsedAllowedNetworks().Any(n => n.Contains(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip));
            if (!listed && range is not (AddressRange.Public or AddressRange.Loopback or AddressRange.Private))
            {
                return range == AddressRange.LinkLocal
                    ? "points at a link-local address (where cloud metadata services answer), which alerts never calls"
                    : "points at an address that is not on the public internet, which alerts never calls";
            }

            local = range is AddressRange.Loopback or AddressRange.Private && !listed;
        }

        if (local && !options.AllowPrivateNetworks)
        {
            return "points at this machine or a private network: allowed only with Alerts__Http__AllowPrivateNetworks (local development) or an Alerts__Http__AllowedNetworks entry";
        }

        // Plain http only to a local receiver in development; anything public must be https (the URL is a credential).
        return url.Scheme == "http" && !(local && options.AllowPrivateNetworks)
            ? "must be an https URL (http is accepted only for a local receiver in development)"
            : null;
    }
}
