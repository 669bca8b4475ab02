using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core;

/// <summary>Registers the Core services: scoring, pipeline handlers.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>Adds Alerts' domain services.</summary>
    public static IServiceCollection AddAlertsCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
