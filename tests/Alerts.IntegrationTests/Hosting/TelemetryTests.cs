using Alerts.Core.Delivery;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Alerts.IntegrationTests.Hosting;

/// <summary>The app's metrics reach OpenTelemetry exporters, and an Application Insights connection string is taken up.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void AlertsTelemetry_AppMetrics_ReachTheExporter()
    {
        // Arrange
        var exported = new List<Metric>();
        var services = new ServiceCollection().AddLogging();
        services.AddAlertsTelemetry(new ConfigurationBuilder().Build()).WithMetrics(metrics => metrics.AddInMemoryExporter(exported));
        services.AddMetrics();
        services.AddSingleton<AlertsMetrics>();
        using var provider = services.BuildServiceProvider();
        var meterProvider = provider.GetRequiredService<MeterProvider>();

        // Act
        provider.GetRequiredService<AlertsMetrics>().DeliveryRecorded(new DeliveryRecord("sub", "alert", ChannelKind.Email, DeliveryStatus.Sent, "250 OK"), alreadyDelivered: false);
        meterProvider.ForceFlush();

        // Assert
        Assert.Contains(exported, metric => metric.Name == "alerts.notifications" && metric.MeterName == AlertsMetrics.MeterName);
    }

    [Fact]
    public void AlertsTelemetry_WithConnectionString_StartsWithTheAzureMonitorExporter()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAlertsTelemetry(configuration);

        // Act
        using var provider = services.BuildServiceProvider();
        var meterProvider = provider.GetService<MeterProvider>();

        // Assert
        Assert.NotNull(meterProvider);
        Assert.Contains(services, d => d.ServiceType.FullName?.Contains("AzureMonitor", StringComparison.Ordinal) == true
            || d.ImplementationType?.FullName?.Contains("AzureMonitor", StringComparison.Ordinal) == true);
    }
}
