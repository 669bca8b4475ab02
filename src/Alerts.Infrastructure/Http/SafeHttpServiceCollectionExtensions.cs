using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Http;

/// <summary>Registers HttpClients that can only reach the public internet (unless configured otherwise).</summary>
public static class SafeHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="OutboundHttpOptions"/> (section <c>Alerts:Http</c>, validated at start),
    /// the system resolver and <see cref="SafeHttpHandlerFactory"/>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddOutboundHttp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(SafeHttpHandlerFactory)))
        {
            return services;
        }

        services.AddOptions<OutboundHttpOptions>()
            .BindConfiguration(OutboundHttpOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IHostAddressResolver, SystemHostAddressResolver>();
        services.TryAddSingleton<SafeHttpHandlerFactory>();
        return services;
    }

    /// <summary>
    /// Adds a named HttpClient whose connections go through <see cref="SafeHttpHandlerFactory"/>: SSRF-checked
    /// connects, automatic gzip/brotli/deflate, no automatic redirects, the configured User-Agent and timeout.
    /// The factory's request logging is removed because it would write full URLs (webhook URLs are credentials).
    /// </summary>
    /// <example><c>services.AddSafeHttpClient("teams");</c> then <c>httpClientFactory.CreateClient("teams")</c>.</example>
    public static IHttpClientBuilder AddSafeHttpClient(this IServiceCollection services, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddOutboundHttp();
        return services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<SafeHttpHandlerFactory>().Create())
            .ConfigureHttpClient((sp, client) =>
            {
                var settings = sp.GetRequiredService<IOptions<OutboundHttpOptions>>().Value;
                client.DefaultRequestHeaders.UserAgent.Clear();
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", settings.UserAgent);
                client.Timeout = settings.Timeout;
            })
            .RemoveAllLoggers();
    }
}
