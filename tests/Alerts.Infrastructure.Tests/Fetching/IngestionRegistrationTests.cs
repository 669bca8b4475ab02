using Alerts.Infrastructure.Stories;
using Alerts.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Infrastructure.Tests.Fetching;

public sealed class IngestionRegistrationTests
{
    [Theory]
    [InlineData(null, "storyclusters")]
    [InlineData("tenant1", "tenant1storyclusters")]
    public void AddAlertsIngestion_StoryClusterTable_TakesTheStoragePrefixOnce(string? prefix, string expected)
    {
        // Arrange
        var settings = new Dictionary<string, string?> { ["Alerts:Storage:TablePrefix"] = prefix, ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = IngestionServices.Build(settings: settings, extra: services => services.AddAlertsStorage(configuration));

        // Act
        var index = provider.GetRequiredService<TableStoryIndex>();

        // Assert
        Assert.Equal(expected, index.TableName);
    }
}
