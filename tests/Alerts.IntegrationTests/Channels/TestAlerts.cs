using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Channels;
using Alerts.LocalDev.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Channels;

/// <summary>Builds alerts and the channels' service provider for the channel tests.</summary>
internal static class TestAlerts
{
    public static readonly DateTimeOffset Published = new(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);

    public static AlertNotification Kabul(Subscriber subscriber, string alertId = "alert-kabul-1") => new(
        alertId,
        new Article(
            "https://news.example.test/world/turkey-kabul-airport",
            "example-world",
            "Turkey will not send more troops to guard Kabul airport",
            "https://news.example.test/world/turkey-kabul-airport",
            "Ankara says its soldiers already in Afghanistan are enough for the airport mission.",
            null,
            Published)
        {
            SourceName = "Example World News",
            Categories = ["World", "Asia"],
        },
        new TopicMatch(
            "afghanistan-foreign-troops",
            "Foreign troop deployments in Afghanistan",
            0.87,
            true,
            [
                new MatchEvidence("entity", "actor: Turkish (nationality)", "«Turkey» will not send more troops") { Plain = "Turkey involved" },
                new MatchEvidence("near", "title: troops NEAR/5 Kabul", "more «troops» to guard «Kabul» airport") { Plain = "troops" },
            ]),
        subscriber)
    {
        AlsoReportedBy = [new RelatedSource("Other Daily", "https://other.example.test/kabul"), new RelatedSource("Wire Service", null)],
    };

    public static Subscriber EmailSubscriber(string address = "reader@example.test")
        => new("sub-email", "Desk Reader", ChannelKind.Email, address);

    public static Subscriber TeamsSubscriber(Uri url) => new("sub-teams", "Ops channel", ChannelKind.Teams, url.AbsoluteUri);

    public static Subscriber WebhookSubscriber(Uri url, string? secret = "s3cret-for-tests")
        => new("sub-hook", "Ops hook", ChannelKind.Webhook, url.AbsoluteUri) { Secret = secret };

    public static ServiceProvider Services(SmtpSink sink, TimeProvider? timeProvider = null)
        => Services(sink.ChannelSettings("alerts@alerts.example.test"), timeProvider);

    public static ServiceProvider Services(int smtpPort = 25, TimeProvider? timeProvider = null) => Services(
        new Dictionary<string, string?>
        {
            ["Alerts:Smtp:Host"] = "127.0.0.1",
            ["Alerts:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts:Smtp:Security"] = "None",
            ["Alerts:Smtp:FromAddress"] = "alerts@alerts.example.test",
            ["Alerts:Smtp:FromName"] = "Alerts",
            ["Alerts:Smtp:TimeoutSeconds"] = "10",
        },
        timeProvider);

    private static ServiceProvider Services(IReadOnlyDictionary<string, string?> settings, TimeProvider? timeProvider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection().AddLogging();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddAlertsChannels(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static IAlertChannel Channel(this ServiceProvider services, ChannelKind kind)
        => services.GetRequiredService<ChannelRouter>().Get(kind);
}
