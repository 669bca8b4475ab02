using Alerts.Core.Articles;
using Alerts.Core.Ingestion;
using Alerts.Core.Pipeline;
using Alerts.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Pipeline;

/// <summary>Articles and story records on Azurite are removed past their windows, and only then.</summary>
public sealed class RetentionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Retention_ArticlesFingerprintsAndCopies_RemovedOnlyBeforeTheirCutoffs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var articles = app.Services.GetRequiredService<IArticleStore>();
        var index = app.Services.GetRequiredService<IStoryIndex>();
        var copies = app.Services.GetRequiredService<IStoryCopyStore>();
        var retention = app.Services.GetRequiredService<IRetentionStore>();
        var article = new Article("u00000000000000000000000000000001", "wire", "Troops arrive in Kabul", null, "Turkish troops arrived in Kabul to guard the airport on Monday.", null, DateTimeOffset.UtcNow);
        await articles.AdmitAsync(article, ct);
        await index.FindOrAddAsync(article.Key, StoryFingerprint.ForArticle(article), ct);
        await copies.AddCopyAsync(article.Key, new StoryCopy("u00000000000000000000000000000002", "other", "Other", null), ct);
        var past = DateTimeOffset.UtcNow.AddHours(-1);
        var future = DateTimeOffset.UtcNow.AddMinutes(1);

        var nothing = await retention.RemoveArticlesBeforeAsync(past, ct) + await retention.RemoveStoryFingerprintsBeforeAsync(past, ct)
            + await retention.RemoveStoryCopiesBeforeAsync(past, ct);
        var fingerprints = await retention.RemoveStoryFingerprintsBeforeAsync(future, ct);
        var copiesLeftAfterFingerprints = await copies.ListCopiesAsync(article.Key, ct);
        var removedCopies = await retention.RemoveStoryCopiesBeforeAsync(future, ct);
        var removedArticles = await retention.RemoveArticlesBeforeAsync(future, ct);

        Assert.Equal(0, nothing);
        Assert.True(fingerprints > 1, $"{fingerprints} fingerprint rows removed; one per band expected");
        Assert.Single(copiesLeftAfterFingerprints);
        Assert.Equal(1, removedCopies);
        Assert.Empty(await copies.ListCopiesAsync(article.Key, ct));
        Assert.Equal(1, removedArticles);
        Assert.Null(await articles.GetAsync(article.Key, ct));
    }
}
