using Alerts.Core.Entities;
using Alerts.Infrastructure.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alerts.IntegrationTests.Language;

public sealed class AddAlertsLanguageTests : IAsyncLifetime
{
    private LanguageContractServer _server = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await LanguageContractServer.StartAsync(Token);
        _server.AddEntity("Kabul", "Location", "City", 0.9);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AddAlertsLanguage_NotConfigured_RegistersDisabledEnricherThatSendsNothing()
    {
        // Arrange: an endpoint and key are set, but Enabled is left at its default.
        using var host = BuildHost(new()
        {
            ["Alerts:Language:Endpoint"] = _server.Endpoint.ToString(),
            ["Alerts:Language:ApiKey"] = LanguageContractServer.Key,
        });
        await host.StartAsync(Token);
        var enricher = host.Services.GetRequiredService<IEntityEnricher>();

        // Act
        var results = await enricher.RecognizeAsync([new EntityRequestDocument("a", "Kabul")], Token);

        // Assert
        Assert.IsType<DisabledEntityEnricher>(enricher);
        Assert.False(enricher.IsEnabled);
        Assert.Empty(results["a"]);
        Assert.Empty(_server.Requests);
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task AddAlertsLanguage_EnabledWithKey_RegistersClientThatCallsTheService()
    {
        // Arrange
        using var host = BuildHost(new()
        {
            ["Alerts:Language:Enabled"] = "true",
            ["Alerts:Language:Endpoint"] = _server.Endpoint.ToString(),
            ["Alerts:Language:ApiKey"] = LanguageContractServer.Key,
            ["Alerts:Language:MaxDocumentsPerRequest"] = "2",
        });
        await host.StartAsync(Token);
        var enricher = host.Services.GetRequiredService<IEntityEnricher>();

        // Act
        var results = await enricher.RecognizeAsync(
            [new("a", "Kabul"), new("b", "Kabul"), new("c", "Kabul")], Token);

        // Assert
        Assert.IsType<AzureLanguageEntityEnricher>(enricher);
        Assert.True(enricher.IsEnabled);
        Assert.Equal([2, 1], _server.Requests.Select(r => r.Documents.Count));
        Assert.All(results.Values, entities => Assert.Equal("Kabul", Assert.Single(entities).Text));
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task AddAlertsLanguage_EnabledWithoutEndpoint_FailsAtStartNamingTheSetting()
    {
        // Arrange
        using var host = BuildHost(new() { ["Alerts:Language:Enabled"] = "true" });

        // Act
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));

        // Assert
        Assert.Contains("Alerts:Language:Endpoint", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAlertsLanguage_ManagedIdentityOverHttp_FailsAtStartNamingTheSetting()
    {
        // Arrange: without a key the client sends bearer tokens, which must not travel over http.
        using var host = BuildHost(new()
        {
            ["Alerts:Language:Enabled"] = "true",
            ["Alerts:Language:Endpoint"] = "http://language.example.test/",
        });

        // Act
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));

        // Assert
        Assert.Contains("Alerts:Language:Endpoint must use https", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alerts:Language:MaxDocumentsPerRequest", "6")]
    [InlineData("Alerts:Language:MaxTextElements", "6000")]
    [InlineData("Alerts:Language:MinConfidence", "1.5")]
    public async Task AddAlertsLanguage_SettingOverServiceLimit_FailsAtStartNamingTheSetting(string key, string value)
    {
        // Arrange
        using var host = BuildHost(new()
        {
            ["Alerts:Language:Enabled"] = "true",
            ["Alerts:Language:Endpoint"] = "https://language.example.test/",
            [key] = value,
        });

        // Act
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));

        // Assert
        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAlertsLanguage_EnabledWithoutKey_BuildsManagedIdentityClientWithoutCallingOut()
    {
        // Arrange
        using var host = BuildHost(new()
        {
            ["Alerts:Language:Enabled"] = "true",
            ["Alerts:Language:Endpoint"] = "https://language.example.test/",
        });

        // Act
        await host.StartAsync(Token);
        var enricher = host.Services.GetRequiredService<IEntityEnricher>();

        // Assert
        Assert.IsType<AzureLanguageEntityEnricher>(enricher);
        await host.StopAsync(Token);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddAlertsLanguage(builder.Configuration);
        return builder.Build();
    }
}
