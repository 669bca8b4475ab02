using Alerts.Cli.Commands;
using Alerts.Testing;

namespace Alerts.IntegrationTests.Cli;

/// <summary><c>alerts eval</c> on files written by the test, the way a user runs it.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly ScratchFiles files = new("alerts-eval-");

    [Fact]
    public async Task RunAsync_LabelledArticles_PrintsPrecisionRecallF1AndTheErrorsWithEvidence()
    {
        // Arrange
        var input = Write("articles.csv", """
            id,title,summary
            a1,Strong earthquake shakes Tokyo,A quake of magnitude 6 hit Japan's capital on Monday.
            a2,Earthquake hits Chile,A quake struck near Santiago.
            a3,Tsunami warning lifted in Japan,Officials in Tokyo lifted the warning after the tremor.
            a4,Football results,The home side won.
            """);
        var topics = Write("topics.json", """{ "id": "quakes-japan", "name": "Earthquakes in Japan", "query": "earthquake* OR quake*", "constraints": { "places": ["Japan"] } }""");
        var labels = Write("labels.tsv", "quakes-japan\ta1\tcore\nquakes-japan\ta3\tcore\nquakes-japan\ta2\tnot\n");
        var output = new StringWriter();
        var error = new StringWriter();

        // Act
        var exit = await EvalCommand.RunAsync(new EvalCommand.EvalRequest(topics, input, labels, Details: true), null, output, error, TestContext.Current.CancellationToken);

        // Assert: a1 alerts; a3 is core but has none of the query's words; a2 is in Chile.
        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("quakes-japan     2    0       1    1     1      0      1.000   0.500  0.667", text, StringComparison.Ordinal);
        Assert.Contains("MISS [a3] Tsunami warning lifted in Japan", text, StringComparison.Ordinal);
        Assert.Contains("the query did not match", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FalseAlertsWithDetails_SaysWhatEachWordFoundInThem()
    {
        // Arrange: "carding" is folded into "card", so the team and the memory cards alert too.
        var input = Write("articles.csv", """
            id,title,summary
            a1,Police close a carding forum,Stolen card numbers were sold there.
            a2,Cards beat the Astros,The Cards lead the series.
            a3,Memory cards get bigger,New cards hold more photos.
            """);
        var topics = Write("topics.json", """{ "id": "card-fraud", "name": "Card fraud", "query": "carding OR phishing" }""");
        var labels = Write("labels.tsv", "card-fraud\ta1\tcore\n");
        var output = new StringWriter();

        // Act
        var exit = await EvalCommand.RunAsync(new EvalCommand.EvalRequest(topics, input, labels, Details: true), null, output, new StringWriter(), TestContext.Current.CancellationToken);

        // Assert: the forms that brought the two false alerts, not the true alert's "carding".
        Assert.Equal(0, exit);
        Assert.Contains("== card-fraud: 2 false alert(s), 0 miss(es)" + Environment.NewLine + "What each word found in the false alerts:" + Environment.NewLine + "  carding: Cards (1), cards (1)" + Environment.NewLine, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadLabelsFile_ExitsTwoNamingTheLine()
    {
        // Arrange
        var input = Write("articles.csv", "title,summary\nA,b\n");
        var topics = Write("topics.json", """[{ "id": "t", "name": "T", "query": "troops" }]""");
        var labels = Write("labels.tsv", "t\t0\tcore\nt\t1\tsomewhat\n");
        var error = new StringWriter();

        // Act
        var exit = await EvalCommand.RunAsync(new EvalCommand.EvalRequest(topics, input, labels, Details: false), null, new StringWriter(), error, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, exit);
        Assert.Contains("labels.tsv line 2: grade 'somewhat' is not one of core, related, not", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TopicWithAnUnknownProperty_WarnsAndStillMeasures()
    {
        // Arrange: a constraint written beside the query, where the admin API would refuse it.
        var input = Write("articles.csv", "id,title,summary\na1,Strong earthquake shakes Tokyo,A quake hit Japan.\n");
        var topics = Write("topics.json", """[{ "id": "quakes", "name": "Quakes", "query": "earthquake*", "places": ["Chile"] }]""");
        var labels = Write("labels.tsv", "quakes\ta1\tcore\n");
        var output = new StringWriter();
        var error = new StringWriter();

        // Act
        var exit = await EvalCommand.RunAsync(new EvalCommand.EvalRequest(topics, input, labels, Details: false), null, output, error, TestContext.Current.CancellationToken);

        // Assert: the topic runs without the misplaced constraint, and the user is told.
        Assert.Equal(0, exit);
        Assert.Contains("warning: topics[0].places: is a constraint: write it inside \"constraints\"", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("quakes     1    0       1    1     0      0      1.000   1.000  1.000", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CategoryTheInputNeverUses_WarnsWithTheCategoriesItHas()
    {
        // Arrange: AG News' layout, whose numbered classes are its sections; the topic asks for one it does not have.
        var input = Write("articles.csv", "Class,Title,Article\n4,Chip maker lifts forecast,Intel raised its forecast.\n3,Intel shares rise,Investors cheered.\n");
        var topics = Write("topics.json", """[{ "id": "chips", "name": "Chips", "query": "Intel category:Technology -category:sport" }, { "id": "chips-tech", "name": "Chips", "query": "Intel category:tech" }]""");
        var labels = Write("labels.tsv", "chips\t0\tcore\nchips-tech\t0\tcore\n");
        var output = new StringWriter();
        var error = new StringWriter();

        // Act
        var exit = await EvalCommand.RunAsync(new EvalCommand.EvalRequest(topics, input, labels, Details: false), null, output, error, TestContext.Current.CancellationToken);

        // Assert: both unused terms are named, the used one is not; "tech" finds "Sci/Tech" and only that story.
        Assert.Equal(0, exit);
        var warnings = error.ToString();
        Assert.Contains("articles.csv: topic 'chips': category:Technology matches no article here (their categories: Business, Sci/Tech)", warnings, StringComparison.Ordinal);
        Assert.Contains("articles.csv: topic 'chips': category:sport matches no article here", warnings, StringComparison.Ordinal);
        Assert.DoesNotContain("chips-tech", warnings, StringComparison.Ordinal);
        Assert.Contains("chips-tech     1    0       1    1     0      0      1.000   1.000  1.000", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LabelsNamingArticlesOrTopicsNotThere_SaysWhichBeforeTheFigures()
    {
        // Arrange: two rows, numbered 0 and 1; the labels were numbered from 1 and one topic id is misspelt.
        var input = Write("articles.csv", "title,summary\nTroops leave Kabul,The last unit flew home.\nTroops land in Kabul,More arrived.\n");
        var topics = Write("topics.json", """[{ "id": "troops", "name": "Troops", "query": "troops" }, { "id": "troops-abroad", "name": "Troops abroad", "query": "troops" }]""");
        var labels = Write("labels.tsv", "troops\t1\tcore\ntroops\t2\tcore\ntroops\t3\tnot\ntroop\t1\tcore\n");
        var output = new StringWriter();
        var error = new StringWriter();

        // Act
        var exit = await EvalCommand.RunAsync(new EvalCommand.EvalRequest(topics, input, labels, Details: false), null, output, error, TestContext.Current.CancellationToken);

        // Assert: the core label of row 2 is named (the "not" of row 3 changes nothing), and the topic without labels
        // is told which topics the labels are for.
        Assert.Equal(0, exit);
        var warnings = error.ToString();
        Assert.Contains("labels.tsv: labels for troops name 1 core or related article(s) the input does not have (2), left out of its figures (an article without an id is numbered by its data row, the first row after the header being 0)", warnings, StringComparison.Ordinal);
        Assert.Contains("labels.tsv: no labels for topic(s) troops-abroad: every alert of theirs counts as false (the labels also name troop)", warnings, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^troops +1 +0 +2 +1 +0 +1 ", output.ToString());
    }

    public void Dispose() => files.Dispose();

    private FileInfo Write(string name, string text) => files.Write(name, text);
}
