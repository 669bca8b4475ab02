using System.Net;

namespace Alerts.Infrastructure.Http;

/// <summary>
/// Thrown from the connect step when a host only resolves to addresses outside the public internet
/// (loopback, private, link-local, metadata services...). HttpClient surfaces it as the inner exception
/// of an <see cref="HttpRequestException"/>.
/// </summary>
public sealed class DestinationNotAllowedException : IOException
{
    /// <summary>Creates the exception for <paramref name="host"/> and the addresses that were refused.</summary>
    public DestinationNotAllowedException(string host, IReadOnlyList<IPAddress> refused)
        : base(Describe(host, refused))
    {
        Host = host;
        Refused = refused;
    }

    /// <summary>The host that was asked for.</summary>
    public string Host { get; }

    /// <summary>The addresses it resolved to, none of them allowed.</summary>
    public IReadOnlyList<IPAddress> Refused { get; }

    /// <summary>Finds this exception in an exception's chain of inner exceptions.</summary>
    public static DestinationNotAllowedException? FindIn(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DestinationNotAllowedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static string Describe(string host, IReadOnlyList<IPAddress> refused)
    {
        var ranges = string.Join(", ", refused.Select(a => $"{a} ({AddressPolicy.Classify(a)})"));
        return refused.Count == 0
            ? $"Refused to connect to {host}: it does not resolve to any address."
            : $"Refused to connect to {host}: it resolves only to non-public addresses [{ranges}]. " +
              $"Set {OutboundHttpOptions.SectionName}:{nameof(OutboundHttpOptions.AllowPrivateNetworks)}=true for local development.";
    }
}
