using System.Text.Json.Serialization;
using Alerts.Core;
using Alerts.Infrastructure;
using Alerts.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions;

/// <summary>
/// The app's composition, in one place: the Functions host (<c>Program.cs</c>) and the local host (<c>alerts host</c>)
/// both build their services and log filters here, so the two cannot drift.
/// </summary>
public static class FunctionsAppServiceCollectionExtensions
{
    /// <summary>Core, Infrastructure, telemetry and the HTTP API.</summary>
    public static IServiceCollection AddAlertsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAlertsTelemetry(configuration);
        return services
            .AddAlertsCore(configuration)
            .AddAlertsInfrastructure(configuration)
            .AddAlertsHttpApi();
    }

    /// <summary>HTTP responses use the same JSON shape as requests and stored records: camelCase, enums as strings.</summary>
    public static IServiceCollection AddAlertsHttpApi(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options =>
        {
            options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            options.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        return services;
    }

    /// <summary>
    /// The app's log filters: the Azure SDK and the framework at warnings and above; Azure.Core at errors only, because
    /// insert-if-absent dedupe answers 409 by design and Azure.Core would log each as a warning.
    /// </summary>
    public static ILoggingBuilder AddAlertsLogFilters(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.AddFilter("Azure", LogLevel.Warning);
        logging.AddFilter("Azure.Core", LogLevel.Error);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        return logging;
    }
}
