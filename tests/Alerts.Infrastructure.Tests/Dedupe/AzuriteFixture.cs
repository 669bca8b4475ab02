using Alerts.LocalDev.Azurite;

namespace Alerts.Infrastructure.Tests.Dedupe;

/// <summary>One private in-memory Azurite for the tests of a class; each test uses its own table names.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? azurite;

    public string ConnectionString => azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    public async ValueTask InitializeAsync() =>
        azurite = await AzuriteInstance.StartInMemoryAsync(_ => { }, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>A name unique to one test, usable as a table name or prefix.</summary>
    public static string UniqueName(string stem) => stem + Guid.NewGuid().ToString("N")[..12];
}
