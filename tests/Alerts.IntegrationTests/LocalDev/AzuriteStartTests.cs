using System.Net;
using System.Net.Sockets;
using Alerts.IntegrationTests.Support;
using Alerts.LocalDev;
using Alerts.LocalDev.Azurite;
using Azure.Storage.Queues;

namespace Alerts.IntegrationTests.LocalDev;

/// <summary>Azurite on free ports starts even when a port found free is taken before Azurite binds it.</summary>
public sealed class AzuriteStartTests
{
    [Fact]
    public async Task StartOnFreePorts_QueuePortTakenInBetween_StartsOnOtherPorts()
    {
        // Arrange: another program holds the port chosen for the queues of the first attempt.
        var ct = TestContext.Current.CancellationToken;
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var takenPort = ((IPEndPoint)holder.LocalEndpoint).Port;
        var choices = 0;
        int ChoosePort() => ++choices == 2 ? takenPort : LoopbackPorts.Free();
        var log = new List<string>();

        // Act
        await using var azurite = await AzuriteInstance.StartOnFreePortsAsync(ChoosePort, dataFolder: null, log.Add, ct);
        var queue = new QueueClient(azurite.ConnectionString, "started");
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        await queue.SendMessageAsync("hello", ct);

        // Assert
        Assert.NotEqual(takenPort, azurite.QueuePort);
        Assert.Equal(1, (await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount);
        Assert.Contains(log, line => line.Contains("is taken by another program", StringComparison.Ordinal));
    }
}
