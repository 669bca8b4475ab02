using Alerts.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Infrastructure;

/// <summary>Registers the adapters: storage, feeds, channels, Azure AI Language.</summary>
public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>Adds Alerts' adapters.</summary>
    public static IServiceCollection AddAlertsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAlertsStorage(configuration);
        return services;
    }
}
