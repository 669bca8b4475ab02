using Alerts.LocalDev.Azurite;
using Azure.Data.Tables;

namespace Alerts.IntegrationTests.LocalDev;

/// <summary>A persistent Azurite (the demo's, the README's) keeps what a run stored for the next run.</summary>
public sealed class AzuritePersistenceTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("alerts-azurite-");

    [Fact]
    public async Task Dispose_PersistentInstance_KeepsTablesForTheNextStart()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using (var first = await AzuriteInstance.StartPersistentAsync(folder.FullName, _ => { }, ct))
        {
            var table = new TableClient(first.ConnectionString, "seen");
            await table.CreateIfNotExistsAsync(ct);
            await table.AddEntityAsync(new TableEntity("p", "r") { ["Title"] = "stored in the first run" }, ct);
        }

        // Act
        await using var second = await AzuriteInstance.StartPersistentAsync(folder.FullName, _ => { }, ct);
        var entity = await new TableClient(second.ConnectionString, "seen").GetEntityAsync<TableEntity>("p", "r", cancellationToken: ct);

        // Assert
        Assert.Equal("stored in the first run", entity.Value.GetString("Title"));
    }

    public void Dispose() => folder.Delete(recursive: true);
}
