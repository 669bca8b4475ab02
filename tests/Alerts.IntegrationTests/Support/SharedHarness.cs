namespace Alerts.IntegrationTests.Support;

/// <summary>
/// One running host shared by the tests of a class that only read answers and store nothing another test could see
/// (requests refused with 400): the host starts once instead of once per case.
/// </summary>
public sealed class SharedHarness(AzuriteFixture azurite) : IAsyncLifetime
{
    private PipelineHarness? _app;

    /// <summary>The shared host.</summary>
    public PipelineHarness App => _app ?? throw new InvalidOperationException("The shared host is not started.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => _app = await PipelineHarness.StartAsync(azurite);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
