using System.Net;

namespace Alerts.Infrastructure.Http;

/// <summary>
/// Turns a host name into addresses. The safe handler resolves names itself (instead of letting the socket do it)
/// so that the address it checks is the address it connects to; tests replace this to simulate DNS rebinding.
/// </summary>
public interface IHostAddressResolver
{
    /// <summary>All addresses of <paramref name="host"/>.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The operating system's resolver.</summary>
public sealed class SystemHostAddressResolver : IHostAddressResolver
{
    /// <inheritdoc />
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
