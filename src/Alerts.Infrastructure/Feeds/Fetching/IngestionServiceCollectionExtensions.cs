using Alerts.Core.Feeds;
using Alerts.Core.Ingestion;
using Alerts.Infrastructure.Dedupe;
using Alerts.Infrastructure.FullText;
using Alerts.Infrastructure.Http;
using Alerts.Infrastructure.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Feeds.Fetching;

/// <summary>Registers feed fetching, full text, article identity helpers and the near-duplicate index.</summary>
public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFeedFetcher"/> (<see cref="HttpFeedFetcher"/>), <see cref="IFullTextExtractor"/>
    /// (<see cref="SmartReaderFullTextExtractor"/>), <see cref="SourceHealthPolicy"/>, <see cref="NearDuplicateOptions"/>
    /// and <see cref="INearDuplicateIndex"/> + <see cref="IStoryClusterStore"/> (<see cref="TableNearDuplicateIndex"/>, which
    /// needs a <see cref="TableServiceClient"/> registered elsewhere; its table is <see cref="StorageNames.StoryClustersTable"/>,
    /// the table prefix applied there once), plus the SSRF-safe HttpClients they use.
    /// Options: <c>Alerts:Http</c> (<see cref="OutboundHttpOptions"/>) and <c>Alerts:Ingestion</c> (<see cref="IngestionOptions"/>).
    /// </summary>
    public static IServiceCollection AddAlertsIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOutboundHttp();
        services.AddSafeHttpClient(HttpFeedFetcher.HttpClientName);
        services.AddSafeHttpClient(SmartReaderFullTextExtractor.HttpClientName);
        services.AddOptions<IngestionOptions>()
            .Bind(configuration.GetSection(IngestionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFeedFetcher, HttpFeedFetcher>();
        services.TryAddSingleton<IFullTextExtractor, SmartReaderFullTextExtractor>();
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<IngestionOptions>>().Value;
            return new SourceHealthPolicy(new SourceBackoff
            {
                BaseDelay = settings.BackoffBaseDelay,
                MaxDelay = settings.BackoffMaxDelay,
                MaxRetryAfter = settings.MaxRetryAfter,
            });
        });
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<IngestionOptions>>().Value;
            return new NearDuplicateOptions { MinSimilarity = settings.NearDuplicateMinSimilarity, MinTitleOverlap = settings.NearDuplicateMinTitleOverlap, Window = settings.NearDuplicateWindow };
        });
        services.TryAddSingleton(sp => new TableNearDuplicateIndex(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.FromConfiguration(configuration).StoryClustersTable),
            sp.GetRequiredService<NearDuplicateOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<INearDuplicateIndex>(sp => sp.GetRequiredService<TableNearDuplicateIndex>());
        services.TryAddSingleton<IStoryClusterStore>(sp => sp.GetRequiredService<TableNearDuplicateIndex>());
        return services;
    }
}
