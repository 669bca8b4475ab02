using Alerts.LocalDev.Azurite;
using Xunit;

namespace Alerts.Testing;

/// <summary>
/// One private, in-memory Azurite per test run, on free ports (declare it with <c>[assembly: AssemblyFixture]</c>);
/// each test uses its own queue and table names.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;

    /// <summary>Connection string of the running emulator.</summary>
    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    /// <summary>A name unique to one test, usable as a table name or prefix.</summary>
    public static string UniqueName(string stem) => stem + Guid.NewGuid().ToString("N")[..12];

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
