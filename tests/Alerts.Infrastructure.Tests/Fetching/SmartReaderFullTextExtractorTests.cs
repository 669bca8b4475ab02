using System.Text;
using Alerts.Core.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Infrastructure.Tests.Fetching;

public sealed class SmartReaderFullTextExtractorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExtractAsync_NewsPage_ReturnsStoryWithoutChrome()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app =>
        {
            app.MapGet("/short-link", () => Results.Redirect("/world/story", permanent: false));
            app.MapGet("/world/story", () => Results.Content(ArticlePage.Html("Ankara keeps its troops home", ArticlePage.Paragraphs), "text/html; charset=utf-8"));
        });
        await using var services = IngestionServices.Build();

        // Act
        var article = await services.GetRequiredService<IFullTextExtractor>().ExtractAsync(server.Url("/short-link"), Ct);

        // Assert
        Assert.NotNull(article);
        Assert.All(ArticlePage.Paragraphs, p => Assert.Contains(p, article.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("newsletter", article.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Markets", article.Text, StringComparison.Ordinal);
        Assert.Equal(server.Url("/world/story"), article.FinalUrl);
        Assert.DoesNotContain("<script", article.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ExtractAsync_ScriptInArticle_SanitisedAway()
    {
        // Arrange
        var paragraphs = ArticlePage.Paragraphs.Append("Closing paragraph of the report with enough words to count as prose for the reader.");
        var html = ArticlePage.Html("Title", paragraphs).Replace("</article>", "<script>steal()</script><img src=x onerror=\"steal()\"></article>", StringComparison.Ordinal);
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/a", () => Results.Content(html, "text/html")));
        await using var services = IngestionServices.Build();

        // Act
        var article = await services.GetRequiredService<IFullTextExtractor>().ExtractAsync(server.Url("/a"), Ct);

        // Assert
        Assert.NotNull(article);
        Assert.DoesNotContain("steal()", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_HttpCharsetContradictsMeta_HttpWins()
    {
        // Arrange: the page says utf-8 in its meta tag but is served (correctly) as Latin-1.
        var paragraphs = ArticlePage.Paragraphs.Select(p => p.Replace("Ankara", "Ankara (Türkiye)", StringComparison.Ordinal)).ToArray();
        var bytes = Encoding.Latin1.GetBytes(ArticlePage.Html("Título", paragraphs));
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/a", () => Results.Bytes(bytes, "text/html; charset=iso-8859-1")));
        await using var services = IngestionServices.Build();

        // Act
        var article = await services.GetRequiredService<IFullTextExtractor>().ExtractAsync(server.Url("/a"), Ct);

        // Assert
        Assert.NotNull(article);
        Assert.Contains("Ankara (Türkiye)", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_NotHtml_ReturnsNull()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/report.pdf", () => Results.Bytes(new byte[] { 0x25, 0x50, 0x44, 0x46 }, "application/pdf")));
        await using var services = IngestionServices.Build();

        // Act
        var article = await services.GetRequiredService<IFullTextExtractor>().ExtractAsync(server.Url("/report.pdf"), Ct);

        // Assert
        Assert.Null(article);
    }

    [Fact]
    public async Task ExtractAsync_PageOverLimit_ReturnsNull()
    {
        // Arrange
        var huge = ArticlePage.Html("Big", Enumerable.Repeat(ArticlePage.Paragraphs[0], 20_000));
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/big", () => Results.Content(huge, "text/html")));
        await using var services = IngestionServices.Build(settings: new Dictionary<string, string?> { ["Alerts:Http:MaxResponseBytes"] = "1048576" });

        // Act
        var article = await services.GetRequiredService<IFullTextExtractor>().ExtractAsync(server.Url("/big"), Ct);

        // Assert
        Assert.True(Encoding.UTF8.GetByteCount(huge) > 1048576);
        Assert.Null(article);
    }

    [Fact]
    public async Task ExtractAsync_ErrorStatus_ReturnsNull()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/gone", () => Results.StatusCode(StatusCodes.Status410Gone)));
        await using var services = IngestionServices.Build();

        // Act
        var article = await services.GetRequiredService<IFullTextExtractor>().ExtractAsync(server.Url("/gone"), Ct);

        // Assert
        Assert.Null(article);
    }
}
