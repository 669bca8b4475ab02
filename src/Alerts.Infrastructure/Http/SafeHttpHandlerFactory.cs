using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Http;

/// <summary>
/// Builds the primary handler of every outbound HttpClient. Its connect step resolves the host itself and only
/// opens sockets to addresses that <see cref="AddressPolicy"/> allows, so the check applies to the address really
/// connected to: every redirect hop opens its own connection through here, and a DNS answer that changes between
/// a check and the connect (rebinding) cannot slip past because there is no separate check.
/// </summary>
public sealed class SafeHttpHandlerFactory(IOptions<OutboundHttpOptions> options, IHostAddressResolver resolver)
{
    /// <summary>A new handler. Redirects are not followed automatically: callers follow them and decide what a hop means.</summary>
    public SocketsHttpHandler Create()
    {
        var settings = options.Value;
        return new SocketsHttpHandler
        {
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, cancellationToken),
            ConnectTimeout = settings.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,

            // A proxy would make the connect step see the proxy's address instead of the destination's.
            UseProxy = false,
            UseCookies = false,

            // Re-resolve names regularly instead of pinning a pooled connection to an old answer forever.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
    }

    /// <summary>Opens a connection to the first allowed address of the endpoint's host.</summary>
    internal async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var exceptions = settings.ParsedAllowedNetworks();
        bool IsAllowed(IPAddress address) =>
            AddressPolicy.IsAllowed(address, settings.AllowPrivateNetworks)
            || exceptions.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));

        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await resolver.ResolveAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);

        var allowed = addresses.Where(IsAllowed).ToArray();
        if (allowed.Length == 0)
        {
            throw new DestinationNotAllowedException(endpoint.Host, addresses);
        }

        Exception? lastError = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken).ConfigureAwait(false);

                // Belt and braces: judge the peer the kernel actually connected us to.
                if (socket.RemoteEndPoint is IPEndPoint remote && !IsAllowed(remote.Address))
                {
                    throw new DestinationNotAllowedException(endpoint.Host, [remote.Address]);
                }

                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException error)
            {
                socket.Dispose();
                lastError = error;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastError!;
    }
}
