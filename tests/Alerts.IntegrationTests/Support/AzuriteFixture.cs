using Alerts.LocalDev.Azurite;

[assembly: AssemblyFixture(typeof(Alerts.IntegrationTests.Support.AzuriteFixture))]

namespace Alerts.IntegrationTests.Support;

/// <summary>One private, in-memory Azurite per test run, on free ports; each test uses its own queue and table names.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;

    /// <summary>Connection string of the running emulator.</summary>
    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync() =>
        _azurite = await AzuriteInstance.StartInMemoryAsync(_ => { }, CancellationToken.None);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
