using Alerts.Cli.Hosting;
using Alerts.IntegrationTests.Support;
using Alerts.LocalDev.Azurite;

namespace Alerts.IntegrationTests.Hosting;

/// <summary>The shipped local.settings.sample.json starts the app as it is, and the README explains every setting in it.</summary>
public sealed class LocalSettingsSampleTests(AzuriteFixture azurite)
{
    private static string RepositoryRoot =>
        AzuritePackage.FindRepositoryRoot() ?? throw new InvalidOperationException("Run the tests from the repository.");

    [Fact]
    public async Task LocalHost_SampleSettings_StartAndPassValidation()
    {
        var settings = AppSettings.ReadLocalSettings(Path.Combine(RepositoryRoot, "local.settings.sample.json")).ToDictionary();
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        settings["Alerts:Storage:TablePrefix"] = "sample" + Guid.NewGuid().ToString("N")[..8];
        await using var host = LocalFunctionsHost.Create(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            RunTimers = false,
            ReadLocalSettings = false,
            Settings = settings,
        });

        // ValidateOnStart runs every options validator; a sample value that does not bind or validate throws here.
        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Contains(host.Functions, f => f.Registration.Name == "FetchFeed" && f.Binding == "feeds-to-fetch");
        Assert.Contains(host.Functions, f => f.Registration.Name == "IngestFeeds" && f.Binding == "0 */5 * * * *");
    }

    [Fact]
    public void Readme_EverySampleSetting_IsExplained()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        var keys = AppSettings.ReadLocalSettings(Path.Combine(RepositoryRoot, "local.settings.sample.json")).Keys;

        var missing = keys
            .Select(key => key.Replace(":", "__", StringComparison.Ordinal))
            .Where(key => !readme.Contains($"`{key}`", StringComparison.Ordinal) && !readme.Contains(ShortForm(key), StringComparison.Ordinal))
            .ToList();

        Assert.Empty(missing);
    }

    // The README table groups pairs such as `Alerts__Smtp__Host` / `__Port`: accept the `__Port` form after its prefix.
    private static string ShortForm(string key) => $"/ `__{key[(key.LastIndexOf("__", StringComparison.Ordinal) + 2)..]}`";
}
