using Alerts.Infrastructure.Channels;
using Alerts.Infrastructure.Feeds.Fetching;
using Alerts.Infrastructure.Feeds.Parsing;
using Alerts.Infrastructure.Http;
using Alerts.Infrastructure.Language;
using Alerts.Infrastructure.Semantic;
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
        services.AddAlertsFeedParsing(configuration);
        services.AddAlertsIngestion(configuration);
        services.AddAlertsChannels(configuration);
        services.AddAlertsLanguage(configuration);
        services.AddAlertsSemanticSignal(configuration);

        // Outgoing webhooks (Teams, generic) obey the same address rules as feed fetches: no SSRF through a subscriber URL.
        services.AddSafeHttpClient(ChannelsServiceCollectionExtensions.HttpClientName);
        return services;
    }
}
