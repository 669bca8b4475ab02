using Alerts.Core.Entities;
using Alerts.Infrastructure.Language;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.IntegrationTests.Language;

public sealed class AzureLanguageEntityEnricherTests : IAsyncLifetime
{
    private LanguageContractServer _server = null!;
    private readonly FakeLogger<AzureLanguageEntityEnricher> _logger = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await LanguageContractServer.StartAsync(Token);
        _server.AddEntity("Kabul", "Location", "City", 0.98);
        _server.AddEntity("Afghanistan", "Location", "CountryRegion", 0.99);
        _server.AddEntity("NATO", "Organization", null, 0.95);
        _server.AddEntity("Turkish", "PersonType", null, 0.30);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RecognizeAsync_OneDocument_SendsDocumentedRequestWithKeyHeader()
    {
        // Arrange
        var enricher = CreateEnricher();

        // Act
        await enricher.RecognizeAsync([new EntityRequestDocument("a1", "NATO troops left Kabul.", "en")], Token);

        // Assert
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/language/:analyze-text", request.Path);
        Assert.Equal("2025-11-01", request.ApiVersion);
        Assert.Equal(LanguageContractServer.Key, request.SubscriptionKey);
        Assert.Empty(request.Authorization);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var json = request.Json;
        Assert.Equal("EntityRecognition", json["kind"]!.GetValue<string>());
        Assert.Equal("latest", json["parameters"]!["modelVersion"]!.GetValue<string>());
        Assert.Equal("Utf16CodeUnit", json["parameters"]!["stringIndexType"]!.GetValue<string>());
        var document = Assert.Single(request.Documents);
        Assert.Equal("a1", document!["id"]!.GetValue<string>());
        Assert.Equal("en", document["language"]!.GetValue<string>());
        Assert.Equal("NATO troops left Kabul.", document["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task RecognizeAsync_TwelveDocuments_SendsThreeRequestsOfAtMostFive()
    {
        // Arrange
        var enricher = CreateEnricher();
        var documents = Enumerable.Range(0, 12)
            .Select(i => new EntityRequestDocument($"d{i}", $"Report {i} from Kabul."))
            .ToList();

        // Act
        var results = await enricher.RecognizeAsync(documents, Token);

        // Assert
        Assert.Equal([5, 5, 2], _server.Requests.Select(r => r.Documents.Count));
        var sentIds = _server.Requests.SelectMany(r => r.Documents).Select(d => d!["id"]!.GetValue<string>());
        Assert.Equal(documents.Select(d => d.Id), sentIds);
        Assert.Equal(12, results.Count);
        Assert.All(documents, d => Assert.Equal("Kabul", Assert.Single(results[d.Id]).Text));
    }

    [Fact]
    public async Task RecognizeAsync_TextOverTheLimit_SendsFirst5120TextElementsOnly()
    {
        // Arrange: each "é" is two UTF-16 units (e + combining acute) but one text element.
        var enricher = CreateEnricher();
        var longText = "Kabul " + string.Concat(Enumerable.Repeat("e\u0301", 6000));

        // Act
        var results = await enricher.RecognizeAsync([new EntityRequestDocument("long", longText)], Token);

        // Assert
        var sent = Assert.Single(Assert.Single(_server.Requests).Documents)!["text"]!.GetValue<string>();
        Assert.Equal(5120, new System.Globalization.StringInfo(sent).LengthInTextElements);
        Assert.Equal(6 + ((5120 - 6) * 2), sent.Length);
        Assert.StartsWith(sent, longText, StringComparison.Ordinal);
        Assert.Equal("Kabul", Assert.Single(results["long"]).Text);
    }

    [Fact]
    public async Task RecognizeAsync_EntitiesInAnswer_MapsTextCategoryOffsetAndConfidence()
    {
        // Arrange: a flag emoji before the entities makes UTF-16 offsets differ from grapheme offsets.
        var enricher = CreateEnricher();
        const string text = "\U0001F1F9\U0001F1F7 Turkish soldiers guard Kabul airport in Afghanistan, NATO says.";

        // Act
        var results = await enricher.RecognizeAsync([new EntityRequestDocument("x", text)], Token);

        // Assert: "Turkish" (confidence 0.30) is under the default MinConfidence 0.5.
        var entities = results["x"];
        Assert.Equal(["Kabul", "Afghanistan", "NATO"], entities.Select(e => e.Text));
        Assert.All(entities, e => Assert.Equal(e.Text, text.Substring(e.Offset, e.Length)));
        Assert.All(entities, e => Assert.Equal(AzureLanguageEntityEnricher.SourceName, e.Source));
        var kabul = entities[0];
        Assert.Equal("Location", kabul.Category);
        Assert.Equal("City", kabul.Subcategory);
        Assert.Equal(0.98, kabul.Confidence);
        Assert.Null(entities[2].Subcategory);
        Assert.Equal("Organization", entities[2].Category);
    }

    [Fact]
    public async Task RecognizeAsync_MinConfidenceZero_KeepsLowConfidenceEntities()
    {
        // Arrange
        var enricher = CreateEnricher(o => o.MinConfidence = 0);

        // Act
        var results = await enricher.RecognizeAsync([new EntityRequestDocument("x", "Turkish troops")], Token);

        // Assert
        var entity = Assert.Single(results["x"]);
        Assert.Equal(("Turkish", "PersonType", 0.30), (entity.Text, entity.Category, entity.Confidence));
    }

    [Fact]
    public async Task RecognizeAsync_DocumentRejectedByService_MapsToEmptyListAndLogsWarningWithoutText()
    {
        // Arrange: the service refuses unsupported language codes per document.
        var enricher = CreateEnricher();
        const string secretText = "Confidential draft about Kabul";
        EntityRequestDocument[] documents =
        [
            new("good", "NATO in Kabul", "en"),
            new("bad", secretText, "xx"),
        ];

        // Act
        var results = await enricher.RecognizeAsync(documents, Token);

        // Assert
        Assert.Equal(["NATO", "Kabul"], results["good"].Select(e => e.Text));
        Assert.Empty(results["bad"]);
        var warning = Assert.Single(_logger.Collector.GetSnapshot(), e => e.Level == LogLevel.Warning);
        Assert.Equal("bad", warning.GetStructuredStateValue("DocumentId"));
        Assert.Equal("InvalidArgument", warning.GetStructuredStateValue("ErrorCode"));
        Assert.Equal("UnsupportedLanguageCode", warning.GetStructuredStateValue("InnerErrorCode"));
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), e => e.Message.Contains("Confidential", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecognizeAsync_EmptyText_AnswersEmptyWithoutSending()
    {
        // Arrange
        var enricher = CreateEnricher();

        // Act
        var results = await enricher.RecognizeAsync([new EntityRequestDocument("empty", "   ")], Token);

        // Assert
        Assert.Empty(results["empty"]);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task RecognizeAsync_DuplicateIds_ThrowsArgumentExceptionWithoutSending()
    {
        // Arrange
        var enricher = CreateEnricher();

        // Act
        var act = () => enricher.RecognizeAsync([new("same", "Kabul"), new("same", "NATO")], Token);

        // Assert
        var exception = await Assert.ThrowsAsync<ArgumentException>(act);
        Assert.Contains("'same'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task RecognizeAsync_ThrottledOnceWithRetryAfter_RetriesAndSucceeds()
    {
        // Arrange
        var enricher = CreateEnricher();
        _server.EnqueueFault(new ScriptedFault(429, RetryAfter: "1"));

        // Act
        var results = await enricher.RecognizeAsync([new EntityRequestDocument("t", "Kabul")], Token);

        // Assert
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("Kabul", Assert.Single(results["t"]).Text);
    }

    [Fact]
    public async Task RecognizeAsync_ThrottledWithRetryAfterMs_RetriesAndSucceeds()
    {
        // Arrange
        var enricher = CreateEnricher();
        _server.EnqueueFault(new ScriptedFault(429, RetryAfterMs: "20"));
        _server.EnqueueFault(new ScriptedFault(429, RetryAfterMs: "20"));

        // Act
        var results = await enricher.RecognizeAsync([new EntityRequestDocument("t", "NATO")], Token);

        // Assert
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal("NATO", Assert.Single(results["t"]).Text);
    }

    [Fact]
    public async Task RecognizeAsync_ThrottledForLongerThanMaxRetryAfter_GivesUpWithoutWaiting()
    {
        // Arrange: the service asks for two minutes; the default MaxRetryAfter is 30 s.
        var enricher = CreateEnricher();
        _server.EnqueueFault(new ScriptedFault(429, RetryAfter: "120"));

        // Act
        var exception = await Assert.ThrowsAsync<LanguageServiceException>(
            () => enricher.RecognizeAsync([new EntityRequestDocument("t", "Kabul")], Token));

        // Assert
        Assert.Single(_server.Requests);
        Assert.Equal(429, exception.Status);
        Assert.True(exception.IsTransient);
    }

    [Fact]
    public async Task RecognizeAsync_RetryAfterHttpDateBeyondMaxRetryAfter_GivesUpWithoutWaiting()
    {
        // Arrange: Retry-After may be an HTTP date; it is read against the injected clock.
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var enricher = CreateEnricher(timeProvider: new FakeTimeProvider(now));
        _server.EnqueueFault(new ScriptedFault(429, RetryAfter: now.AddMinutes(5).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

        // Act
        var exception = await Assert.ThrowsAsync<LanguageServiceException>(
            () => enricher.RecognizeAsync([new EntityRequestDocument("t", "Kabul")], Token));

        // Assert
        Assert.Single(_server.Requests);
        Assert.Equal(429, exception.Status);
    }

    [Fact]
    public async Task RecognizeAsync_ServerErrorOnce_RetriesAndSucceeds()
    {
        // Arrange
        var enricher = CreateEnricher();
        _server.EnqueueFault(new ScriptedFault(500));

        // Act
        var results = await enricher.RecognizeAsync([new EntityRequestDocument("t", "Kabul")], Token);

        // Assert
        Assert.Equal(2, _server.Requests.Count);
        Assert.Single(results["t"]);
    }

    [Fact]
    public async Task RecognizeAsync_PersistentlyThrottled_ThrowsTransientLanguageServiceExceptionAfterRetries()
    {
        // Arrange
        var enricher = CreateEnricher(o => o.MaxRetries = 2);
        _server.PersistentFault = new ScriptedFault(429, RetryAfterMs: "10");

        // Act
        var exception = await Assert.ThrowsAsync<LanguageServiceException>(
            () => enricher.RecognizeAsync([new EntityRequestDocument("t", "Kabul")], Token));

        // Assert
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(429, exception.Status);
        Assert.True(exception.IsTransient);
        Assert.Contains("429", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Alerts:Language:MaxRetries", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_WrongKey_ThrowsNonTransient401WithoutRetrying()
    {
        // Arrange
        var enricher = CreateEnricher(o => o.ApiKey = "wrong-key");

        // Act
        var exception = await Assert.ThrowsAsync<LanguageServiceException>(
            () => enricher.RecognizeAsync([new EntityRequestDocument("t", "Kabul")], Token));

        // Assert
        Assert.Single(_server.Requests);
        Assert.Equal(401, exception.Status);
        Assert.False(exception.IsTransient);
        Assert.Contains("Alerts:Language:ApiKey", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_BatchOverServiceLimit_ThrowsWithServiceErrorCodes()
    {
        // Arrange: options built by hand skip the [Range] check, so six documents reach the service.
        var enricher = CreateEnricher(o => o.MaxDocumentsPerRequest = 6);
        var documents = Enumerable.Range(0, 6).Select(i => new EntityRequestDocument($"d{i}", "Kabul")).ToList();

        // Act
        var exception = await Assert.ThrowsAsync<LanguageServiceException>(() => enricher.RecognizeAsync(documents, Token));

        // Assert
        Assert.Single(_server.Requests);
        Assert.Equal(400, exception.Status);
        Assert.Equal("InvalidArgument", exception.ErrorCode);
        Assert.Equal("InvalidDocumentBatch", exception.InnerErrorCode);
        Assert.False(exception.IsTransient);
    }

    [Fact]
    public async Task RecognizeAsync_WrongApiVersion_ThrowsNonTransient404NamingTheSettings()
    {
        // Arrange
        var enricher = CreateEnricher(o => o.ApiVersion = "1999-01-01");

        // Act
        var exception = await Assert.ThrowsAsync<LanguageServiceException>(
            () => enricher.RecognizeAsync([new EntityRequestDocument("t", "Kabul")], Token));

        // Assert
        Assert.Equal(404, exception.Status);
        Assert.Contains("Alerts:Language:ApiVersion", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_NothingListening_ThrowsTransientNetworkError()
    {
        // Arrange: a port that was free a moment ago.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var enricher = CreateEnricher(o =>
        {
            o.Endpoint = $"http://127.0.0.1:{port}/";
            o.MaxRetries = 1;
        });

        // Act
        var exception = await Assert.ThrowsAsync<LanguageServiceException>(
            () => enricher.RecognizeAsync([new EntityRequestDocument("t", "Kabul")], Token));

        // Assert
        Assert.Equal(0, exception.Status);
        Assert.Equal("NetworkError", exception.ErrorCode);
        Assert.True(exception.IsTransient);
    }

    private AzureLanguageEntityEnricher CreateEnricher(Action<AzureLanguageOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new AzureLanguageOptions
        {
            Enabled = true,
            Endpoint = _server.Endpoint.ToString(),
            ApiKey = LanguageContractServer.Key,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        return new AzureLanguageEntityEnricher(Options.Create(options), _logger, credential: null, timeProvider);
    }
}
