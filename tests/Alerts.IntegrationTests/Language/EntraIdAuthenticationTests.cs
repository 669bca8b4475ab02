using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Alerts.Core.Entities;
using Alerts.Infrastructure.Language;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Alerts.IntegrationTests.Language;

public sealed class EntraIdAuthenticationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecognizeAsync_NoApiKey_SendsBearerTokenForCognitiveServicesScope()
    {
        // Arrange: bearer tokens only travel over TLS, so the contract server gets a local certificate.
        using var certificate = CreateLoopbackCertificate();
        await using var server = await LanguageContractServer.StartAsync(Token, certificate, bearerToken: "token-from-entra");
        server.AddEntity("Kabul", "Location", "City", 0.9);
        var credential = new RecordingCredential("token-from-entra");
        var options = Options.Create(new AzureLanguageOptions
        {
            Enabled = true,
            Endpoint = server.Endpoint.ToString(),
            RetryDelay = TimeSpan.FromMilliseconds(10),
        });
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        var enricher = new AzureLanguageEntityEnricher(
            options, new FakeLogger<AzureLanguageEntityEnricher>(), credential, TimeProvider.System, new HttpClientTransport(handler));

        // Act
        var results = await enricher.RecognizeAsync([new EntityRequestDocument("a", "Troops in Kabul")], Token);

        // Assert
        Assert.Equal("https", server.Endpoint.Scheme);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer token-from-entra", request.Authorization);
        Assert.Empty(request.SubscriptionKey);
        Assert.Equal([AzureLanguageEntityEnricher.TokenScope], credential.Scopes.Distinct());
        Assert.Equal("Kabul", Assert.Single(results["a"]).Text);
    }

    private static X509Certificate2 CreateLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Kestrel on Linux needs the key in an exportable, loaded form.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }

    private sealed class RecordingCredential(string token) : TokenCredential
    {
        private readonly ConcurrentQueue<string> _scopes = new();

        public IReadOnlyList<string> Scopes => [.. _scopes];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                _scopes.Enqueue(scope);
            }

            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
