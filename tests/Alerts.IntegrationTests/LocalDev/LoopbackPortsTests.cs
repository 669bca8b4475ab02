using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Alerts.LocalDev;

namespace Alerts.IntegrationTests.LocalDev;

/// <summary>Ports chosen for listeners that are told their port before they start.</summary>
public sealed class LoopbackPortsTests
{
    [Fact]
    public void Free_ManyTimes_NeverRepeatsAndEachCanBeBound()
    {
        // Act
        var ports = Enumerable.Range(0, 100).Select(_ => LoopbackPorts.Free()).ToList();

        // Assert
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port =>
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        });
    }

    [Fact]
    public void Free_OnLinux_LiesBelowThePortsTheSystemHandsOutItself()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the range is read from /proc");
        var ephemeralStart = int.Parse(
            File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0],
            CultureInfo.InvariantCulture);

        // Act
        var ports = Enumerable.Range(0, 20).Select(_ => LoopbackPorts.Free()).ToList();

        // Assert
        Assert.All(ports, port => Assert.InRange(port, 1024, ephemeralStart - 1));
    }
}
