using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Alerts.LocalDev;

/// <summary>
/// Chooses a free TCP port on 127.0.0.1 for a process or listener that must be told its port before it starts (the
/// local host's public URL, Azurite's three services, a child process).
/// </summary>
/// <remarks>
/// A port asked of the system with port 0 is free only until it is released; every other listener on the machine that
/// binds port 0 draws from the same ephemeral range and can be handed it before the intended owner binds it (seen in
/// the tests, where dozens of listeners start side by side). A port chosen below that range is never handed out that
/// way, so only another explicit choice could take it: those are drawn at random and never repeated in one process.
/// </remarks>
public static class LoopbackPorts
{
    // IANA's dynamic range, which Windows and macOS use; Linux says its own in /proc.
    private const int DefaultEphemeralStart = 49152;
    private const int RangeWidth = 12000;
    private const int LowestChoice = 10100; // above Azurite's and the inbox's default ports
    private const int Attempts = 50;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    // Where the system's own range begins does not change while the process runs: read once.
    private static readonly int EphemeralStart = EphemeralRangeStart();
    private static readonly int Lowest = Math.Max(LowestChoice, EphemeralStart - RangeWidth);

    /// <summary>A port on 127.0.0.1 that was free a moment ago and is outside the range the system hands out itself.</summary>
    public static int Free()
    {
        // A system whose own range starts this low leaves no room below it: let it choose.
        for (var attempt = 0; attempt < Attempts && Lowest < EphemeralStart; attempt++)
        {
            var port = Random.Shared.Next(Lowest, EphemeralStart);
            lock (Gate)
            {
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        return SystemChosenPort();
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int SystemChosenPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return DefaultEphemeralStart;
        }
    }
}
