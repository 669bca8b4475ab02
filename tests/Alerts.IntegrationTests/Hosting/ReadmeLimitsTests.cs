using System.Globalization;
using Alerts.Core.Pipeline;
using Alerts.Infrastructure.Storage;
using Alerts.LocalDev.Azurite;

namespace Alerts.IntegrationTests.Hosting;

/// <summary>The limits the README promises are the ones the code enforces.</summary>
public sealed class ReadmeLimitsTests
{
    [Fact]
    public void Readme_PushLimits_MatchTheCode()
    {
        // Arrange
        var push = ReadmeRow("| `POST /api/articles` |");

        // Assert
        Assert.Contains($"up to {ArticleSubmissions.MaxBatchSize} (array)", push, StringComparison.Ordinal);
        Assert.Contains($"at most {N(ArticleSubmissions.MaxTitleLength)} characters", push, StringComparison.Ordinal);
        Assert.Contains($"`summary` {N(ArticleSubmissions.MaxSummaryLength)}", push, StringComparison.Ordinal);
        Assert.Contains($"`content` {N(ArticleSubmissions.MaxContentLength)} characters", push, StringComparison.Ordinal);
        Assert.Contains($"stored up to {N(TableArticleStore.MaxStoredContentLength)}", push, StringComparison.Ordinal);
        Assert.Contains($"`source` {N(ArticleSubmissions.MaxFieldLength)}", push, StringComparison.Ordinal);
        Assert.Contains($"at most {ArticleSubmissions.MaxAuthors} `authors` of {ArticleSubmissions.MaxNameLength} characters", push, StringComparison.Ordinal);
        Assert.Contains($"at most {ArticleSubmissions.MaxCategories} `categories` of {ArticleSubmissions.MaxNameLength} characters", push, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_IdRule_MatchesTheApi()
    {
        // Act
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var api = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Alerts.Functions", "Http", "Validation", "RouteIds.cs"));

        // Assert
        Assert.Contains("1-64 lower-case letters, digits and dashes", readme, StringComparison.Ordinal);
        Assert.Contains("Ids are 1-64 lower-case letters, digits and dashes.", api, StringComparison.Ordinal);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string ReadmeRow(string start) =>
        File.ReadLines(Path.Combine(RepositoryRoot(), "README.md")).Single(l => l.StartsWith(start, StringComparison.Ordinal));

    private static string RepositoryRoot() =>
        AzuritePackage.FindRepositoryRoot() ?? throw new InvalidOperationException("Run the tests from the repository.");
}
