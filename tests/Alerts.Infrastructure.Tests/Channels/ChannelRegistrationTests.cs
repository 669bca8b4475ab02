using Alerts.Core.Delivery;
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
    public void AddAlertsChannels_MissingHostAndSender_FailsNamingTheSettings()
    {
        // Arrange
        using var services = Build([]);

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpOptions>>().Value);

        // Assert
        Assert.Contains("Alerts:Smtp:Host", error.Message, StringComparison.Ordinal);
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
