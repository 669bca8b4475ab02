using Alerts.Cli.Commands;
using Alerts.Cli.Scoring;
using Alerts.Testing;

namespace Alerts.IntegrationTests.Cli;

/// <summary><c>alerts topics preview --input</c>: a topic tried on a file of articles, with no app running.</summary>
public sealed class TopicsPreviewCommandTests : IDisposable
{
    private readonly ScratchFiles files = new("alerts-preview-");

    [Fact]
    public async Task PreviewFileAsync_ArticlesFile_ListsAlertsNearMissesAndWordsToConsider()
    {
        // Arrange
        var input = Write("articles.csv", """
            id,title,summary
            a1,Strong earthquake shakes Tokyo,A quake of magnitude 6 hit Japan's capital on Monday.
            a2,Tremor rattles Tokyo,Buildings swayed in the capital of Japan as the tremor struck.
            a3,Tremor felt in Osaka,Buildings swayed in Osaka as the tremor struck.
            a4,Football results,The home side won.
            """);
        var topic = Write("topic.json", """{ "id": "quakes-japan", "name": "Earthquakes in Japan", "query": "(earthquake OR quake) Japan" }""");
        var output = new StringWriter();
        var error = new StringWriter();

        // Act
        var exit = await TopicsCommand.PreviewFileAsync(topic, input, null, null, output, error, TestContext.Current.CancellationToken);

        // Assert: a1 alerts; a2 names Japan but none of the quake words, so it is a near miss that says so; the words
        // the hit and the near miss share are offered, not a3's (no word of the query's second group) nor a4's.
        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("Earthquakes in Japan: 1 would alert, 1 near misses, of 4 articles in articles.csv", text, StringComparison.Ordinal);
        Assert.Contains("[a1] Strong earthquake shakes Tokyo", text, StringComparison.Ordinal);
        Assert.Contains("[a2] Tremor rattles Tokyo", text, StringComparison.Ordinal);
        Assert.Contains("no word from group 1: earthquake OR quake", text, StringComparison.Ordinal);
        Assert.Contains("Words the hits and near misses share that the query lacks: capital (2), tokyo (2)", text, StringComparison.Ordinal);
        Assert.Contains("What each word found in the stories that would alert", text, StringComparison.Ordinal);
        Assert.Contains("  earthquake: earthquake (1)" + Environment.NewLine + "  quake: quake (1)" + Environment.NewLine + "  Japan: Japan's (1)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[a3]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[a4]", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task PreviewFileAsync_WithTheSemanticModel_ListsArticlesCloseInMeaningThatTheWordsMiss()
    {
        // Arrange: a2 tells of a quake without any word of the query; a3 is about something else.
        var input = Write("articles.csv", """
            id,title,summary
            a1,Strong earthquake shakes Tokyo,A quake of magnitude 6 hit Japan's capital on Monday.
            a2,Powerful tremor rattles northern Japan,Buildings swayed and the seismic agency warned of aftershocks and a tsunami.
            a3,Football results,The home side won the cup final.
            """);
        var topic = Write("topic.json", """{ "id": "quakes", "name": "Earthquakes", "description": "Earthquakes and their damage.", "query": "earthquake OR quake" }""");
        var withModel = new StringWriter();
        var wordsOnly = new StringWriter();
        var ct = TestContext.Current.CancellationToken;

        // Act
        var exit = await TopicsCommand.PreviewFileAsync(topic, input, null, OfflineScorer.Model, withModel, new StringWriter(), ct);
        await TopicsCommand.PreviewFileAsync(topic, input, null, null, wordsOnly, new StringWriter(), ct);

        // Assert: with the model, a2 is a near miss that says why; without it, the words alone never see it.
        Assert.Equal(0, exit);
        var text = withModel.ToString();
        Assert.Contains("Earthquakes: 1 would alert, 1 near misses, of 3 articles in articles.csv", text, StringComparison.Ordinal);
        Assert.Contains("[a2] Powerful tremor rattles northern Japan", text, StringComparison.Ordinal);
        Assert.Contains("close in meaning to the topic (similarity", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[a3]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[a2]", wordsOnly.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewFileAsync_FileOfSeveralTopics_ExitsTwoAskingForOne()
    {
        // Arrange
        var input = Write("articles.csv", "title,summary\nA,b\n");
        var topics = Write("topics.json", """[{ "id": "a", "name": "A", "query": "troops" }, { "id": "b", "name": "B", "query": "tanks" }]""");
        var error = new StringWriter();

        // Act
        var exit = await TopicsCommand.PreviewFileAsync(topics, input, null, null, new StringWriter(), error, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, exit);
        Assert.Contains("topics.json holds 2 topics; preview one at a time.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewFileAsync_MissingArticlesFile_ExitsTwoNamingIt()
    {
        // Arrange
        var topic = Write("topic.json", """{ "id": "a", "name": "A", "query": "troops" }""");
        var error = new StringWriter();

        // Act
        var exit = await TopicsCommand.PreviewFileAsync(topic, new FileInfo(Path.Combine(files.FullName, "news.csv")), null, null, new StringWriter(), error, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, exit);
        Assert.Contains("news.csv does not exist.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewFileAsync_EmptyArticlesFile_ExitsTwoSayingWhy()
    {
        // Arrange
        var input = Write("articles.csv", string.Empty);
        var topic = Write("topic.json", """{ "id": "a", "name": "A", "query": "earthquake" }""");
        var error = new StringWriter();

        // Act
        var exit = await TopicsCommand.PreviewFileAsync(topic, input, null, null, new StringWriter(), error, TestContext.Current.CancellationToken);

        // Assert: the reader's own words, as `alerts score` gives them, not a stack trace.
        Assert.Equal(2, exit);
        Assert.StartsWith("Cannot read 'articles.csv': the CSV file is empty", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => files.Dispose();

    private FileInfo Write(string name, string text) => files.Write(name, text);
}
