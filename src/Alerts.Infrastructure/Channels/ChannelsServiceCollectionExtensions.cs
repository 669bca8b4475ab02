using System.Net;
using System.Net.Http.Headers;
using Alerts.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Infrastructure.Channels;

/// <summary>Registers the delivery channels.</summary>
public static class ChannelsServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client used by the Teams and webhook channels.</summary>
    public const string HttpClientName = ChannelHttp.ClientName;

    /// <summary>Timeout of one webhook POST.</summary>
    public static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Adds <see cref="EmailChannel"/>, <see cref="TeamsChannel"/> and <see cref="WebhookChannel"/> as
    /// <see cref="IAlertChannel"/>, a <see cref="ChannelRouter"/>, <see cref="SmtpOptions"/> bound from
    /// <c>Alerts:Smtp</c> (validated at start) and the named HTTP client <c>alerts-channels</c>.
    /// </summary>
    public static IServiceCollection AddAlertsChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(HttpClientName, client =>
            {
                client.Timeout = HttpTimeout;
                client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Alerts", "1.0"));
                client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("(alert delivery)"));
            })
            // A POST must not be redirected into a GET or onto another host; a handler that replaces this one
            // (e.g. the SSRF guard) must keep AllowAutoRedirect off too.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });

        services.AddSingleton<IAlertChannel, EmailChannel>();
        services.AddSingleton<IAlertChannel, TeamsChannel>();
        services.AddSingleton<IAlertChannel, WebhookChannel>();
        services.TryAddSingleton<ChannelRouter>();
        return services;
    }
}
