using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Tests.Channels;

public sealed class ChannelRegistrationTests
{
    [Fact]
    public void AddAlertsChannels_ValidSettings_RoutesEveryKind()
    {
        // Arrange
        using var services = Build(new()
        {
            ["Alerts:Smtp:Host"] = "smtp.example.test",
            ["Alerts:Smtp:FromAddress"] = "alerts@example.test",
        });

        // Act
        var router = services.GetRequiredService<ChannelRouter>();

        // Assert
        Assert.IsType<EmailChannel>(router.Get(ChannelKind.Email));
        Assert.IsType<TeamsChannel>(router.Get(ChannelKind.Teams));
        Assert.IsType<WebhookChannel>(router.Get(ChannelKind.Webhook));
        Assert.Equal(3, services.GetServices<IAlertChannel>().Count());
        Assert.Equal(SmtpSecurity.StartTls, services.GetRequiredService<IOptions<SmtpOptions>>().Value.Security);
    }

    [Fact]
    public void AddAlertsChannels_NoSmtpSettings_StartsWithEmailNotConfigured()
    {
        // Arrange: a Teams- or webhook-only deployment sets no SMTP at all.
        using var services = Build([]);

        // Act
        var options = services.GetRequiredService<IOptions<SmtpOptions>>().Value;

        // Assert
        Assert.Equal(string.Empty, options.Host);
    }

    [Fact]
    public async Task EmailChannel_NoSmtpHost_FailsDeliverySayingEmailIsNotConfigured()
    {
        // Arrange
        using var services = Build([]);
        var email = services.GetServices<IAlertChannel>().Single(c => c.Kind == ChannelKind.Email);
        var alert = new AlertNotification(
            "alert-1",
            new Article("key", "src", "Title", "https://news.example.test/a", "summary", null, DateTimeOffset.UnixEpoch),
            new TopicMatch("topic-id", "Topic", 0.9, true, [new MatchEvidence("entity", "place: somewhere") { Plain = "reason" }]),
            new Subscriber("s", "Reader", ChannelKind.Email, "reader@example.test"));

        // Act
        var result = await email.SendAsync(alert, TestContext.Current.CancellationToken);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("not configured", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAlertsChannels_HostWithoutSender_FailsNamingFromAddress()
    {
        // Arrange
        using var services = Build(new Dictionary<string, string?> { ["Alerts:Smtp:Host"] = "smtp.example.test" });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpOptions>>().Value);

        // Assert
        Assert.Contains("Alerts:Smtp:FromAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAlertsChannels_UserNameWithoutPassword_FailsNamingPassword()
    {
        // Arrange
        using var services = Build(new()
        {
            ["Alerts:Smtp:Host"] = "smtp.example.test",
            ["Alerts:Smtp:FromAddress"] = "alerts@example.test",
            ["Alerts:Smtp:UserName"] = "apikey",
        });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpOptions>>().Value);

        // Assert
        Assert.Contains("Alerts:Smtp:Password", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAlertsChannels(configuration).BuildServiceProvider();
    }
}
