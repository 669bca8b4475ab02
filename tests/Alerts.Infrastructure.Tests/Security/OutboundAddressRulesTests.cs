using Alerts.Infrastructure.Http;

namespace Alerts.Infrastructure.Tests.Security;

public sealed class OutboundAddressRulesTests
{
    private static readonly OutboundHttpOptions Production = new();
    private static readonly OutboundHttpOptions Development = new() { AllowPrivateNetworks = true };

    [Theory]
    [InlineData("https://hooks.example.com/alerts")]
    [InlineData("https://203.0.114.7/hook")]
    public void Problem_PublicHttps_IsNone(string address)
    {
        // Act / Assert
        Assert.Null(OutboundAddressRules.Problem(address, Production));
    }

    [Theory]
    [InlineData("http://hooks.example.com/alerts", "must be an https URL")]
    [InlineData("https://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("https://[::ffff:169.254.169.254]/", "link-local")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1", "metadata")]
    [InlineData("https://10.0.0.1/hook", "Alerts__Http__AllowPrivateNetworks")]
    [InlineData("https://localhost:8443/hook", "Alerts__Http__AllowPrivateNetworks")]
    [InlineData("not a url", "absolute https URL")]
    public void Problem_InProduction_SaysWhy(string address, string expected)
    {
        // Act
        var problem = OutboundAddressRules.Problem(address, Production);

        // Assert
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7072/hook", null)]
    [InlineData("https://10.0.0.1/hook", null)]
    [InlineData("https://169.254.169.254/", "link-local")]
    [InlineData("https://metadata.google.internal/", "metadata")]
    [InlineData("http://hooks.example.com/alerts", "must be an https URL")]
    public void Problem_InDevelopment_LocalReceiversAllowedMetadataNever(string address, string? expected)
    {
        // Act
        var problem = OutboundAddressRules.Problem(address, Development);

        // Assert
        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }
}
