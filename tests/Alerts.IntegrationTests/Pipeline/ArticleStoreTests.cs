using Alerts.Core.Articles;
using Alerts.Core.Pipeline;
using Alerts.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Pipeline;

/// <summary>The articles table on Azurite: long and non-Latin bodies fit one row.</summary>
public sealed class ArticleStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AdmitAsync_LongCyrillicArticle_IsStoredWithBodyCappedNotRejected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var store = app.Services.GetRequiredService<IArticleStore>();
        var body = string.Concat(Enumerable.Repeat("Войска остаются в Кабуле <и> «охраняют» аэропорт. ", 6_000));
        var article = new Article("u0123456789abcdef0123456789abcdef", "wire", "Войска в Кабуле", "https://news.example.org/ru/1", body[..15_000], body, DateTimeOffset.UnixEpoch);

        var admission = await store.AdmitAsync(article, ct);
        var stored = await store.GetAsync(article.Key, ct);

        Assert.Equal(ArticleAdmission.New, admission);
        Assert.NotNull(stored);
        Assert.Equal("Войска в Кабуле", stored.Title);
        Assert.Equal(body[..100_000], stored.Content);
        Assert.Equal(body[..15_000], stored.Summary);
    }
}
