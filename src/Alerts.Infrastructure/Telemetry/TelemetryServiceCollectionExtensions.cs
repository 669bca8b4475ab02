using Alerts.Core.Pipeline;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Alerts.Infrastructure.Telemetry;

/// <summary>
/// Telemetry the supported way: OpenTelemetry in the worker, the app's metrics (meter <c>Alerts</c>) and logs exported
/// to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with Entra ID when
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> is <c>Authorization=AAD</c>, as the Bicep template sets it), and
/// nothing exported otherwise (local runs, tests).
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Setting holding the Application Insights connection string.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Setting that asks for Entra ID instead of the instrumentation key.</summary>
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Adds OpenTelemetry with the app's meter; exports to Azure Monitor when a connection string is configured.</summary>
    public static IOpenTelemetryBuilder AddAlertsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("alerts"))
            .WithMetrics(metrics => metrics.AddMeter(AlertsMetrics.MeterName));
        if (configuration[ConnectionStringSetting] is { Length: > 0 } connectionString)
        {
            var entraId = string.Equals(configuration[AuthenticationSetting], "Authorization=AAD", StringComparison.OrdinalIgnoreCase);
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (entraId)
                {
                    options.Credential = new DefaultAzureCredential();
                }
            });
        }

        return telemetry;
    }
}
