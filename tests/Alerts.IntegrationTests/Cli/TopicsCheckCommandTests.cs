using Alerts.Cli.Commands;
using Alerts.Testing;

namespace Alerts.IntegrationTests.Cli;

/// <summary><c>alerts topics check</c>: a topic file read as the admin API reads it, with no articles and no app.</summary>
public sealed class TopicsCheckCommandTests : IDisposable
{
    private readonly ScratchFiles files = new("alerts-check-");

    [Fact]
    public void Check_FileThatCanBeSaved_ListsEachTopicWithItsWordGroupsAndConstraints()
    {
        // Arrange
        var topics = files.Write("topics.json", """
            [
              { "id": "quakes-japan", "name": "Earthquakes in Japan", "query": "(earthquake OR quake) Japan", "constraints": { "places": ["Japan"], "strict": true } },
              { "id": "disney", "name": "Walt Disney", "query": "Disney OR Eisner", "threshold": 0.7 }
            ]
            """);

        // Act
        var (exit, output, error) = Check(topics);

        // Assert: two AND-ed groups are each needed; one group at 0.7 needs more than one mention in the body.
        Assert.Equal(0, exit);
        Assert.Contains("topics.json: 2 topic(s), each can be saved.", output, StringComparison.Ordinal);
        Assert.Contains("quakes-japan (Earthquakes in Japan): 2 word groups, each needed, threshold 0.5; places Japan; strict", output, StringComparison.Ordinal);
        Assert.Contains("disney (Walt Disney): 1 word group, threshold 0.7 (one match in the body, 0.65, is below it)", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Check_CapitalisedEverydayWords_AreNamedWithTheWayToAskForTheirSense()
    {
        // Arrange: "Saints" and "Jets" are everyday words ("saints", "jets"), "Dodgers" a name; #Hornets asks for one form,
        // and "Moody's" quoted with its 's the company's form.
        var topics = files.Write("topics.json", """
            [
              { "id": "teams", "name": "Teams", "query": "Saints OR \"Jets\" OR Dodgers OR #Hornets OR (NFL football) OR \"Moody's\"" },
              { "id": "clubs", "name": "Clubs", "query": "(Dodgers OR Lakers OR Hornets') -Bulls NOT Jazz" }
            ]
            """);

        // Act
        var (exit, output, _) = Check(topics);

        // Assert: listed under the topic that asks for them (possessive or not); a word it keeps away is not listed.
        Assert.Equal(0, exit);
        Assert.Contains("teams (Teams): 1 word group, threshold 0.5; no constraints", output, StringComparison.Ordinal);
        Assert.Contains("everyday words, found in every sense and case though written with a capital: Saints, Jets (pair each with a word of its sense, or write it with #)", output, StringComparison.Ordinal);
        Assert.Contains("everyday words, found in every sense and case though written with a capital: Hornets (pair", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Bulls", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Moody", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Jazz", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PlacesInTheQuery_SaysWhichPlaceEachNameWasReadAs()
    {
        // Arrange: a ninety-sixth-check writer asked which places `place:Davie` and `place:"Miami Gardens"` took.
        var topics = files.Write("topics.json", """
            [ { "id": "fl", "name": "Florida", "query": "Jaguars OR (place:Davie NOT NEAR/2 place:\"Miami Gardens\")" } ]
            """);

        // Act
        var (exit, output, _) = Check(topics);

        // Assert: the names kept away are read too.
        Assert.Equal(0, exit);
        Assert.Contains("    Places read as: Davie → Davie, in Florida, the United States; Miami Gardens → Miami Gardens, in Florida, the United States.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConstraintPlaces_SaysWhichPlaceEachNameWasReadAs()
    {
        // Arrange: a ninety-third-check writer asked which Philadelphia `excludePlaces` took.
        var topics = files.Write("topics.json", """
            [
              { "id": "pa", "name": "Pennsylvania", "query": "place:Pennsylvania", "constraints": { "excludePlaces": ["Philadelphia"] } },
              { "id": "quakes", "name": "Quakes", "query": "earthquake" }
            ]
            """);

        // Act
        var (exit, output, _) = Check(topics);

        // Assert: under the topic that lists it, and nothing for a topic without constraints.
        Assert.Equal(0, exit);
        Assert.Contains("    Places read as: Philadelphia → Philadelphia, in Pennsylvania, the United States; Pennsylvania → Pennsylvania, a state or province of the United States.", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), line => line.Contains("Places read as", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UnknownPlaceAndBrokenQuery_ExitsTwoNamingEachProblemInTheWritersWords()
    {
        // Arrange
        var topics = files.Write("topics.json", """
            [
              { "id": "a", "name": "A", "query": "casino", "constraints": { "places": ["Chnia"] } },
              { "id": "b", "name": "B", "query": "(troops OR tanks" }
            ]
            """);

        // Act
        var (exit, output, error) = Check(topics);

        // Assert
        Assert.Equal(2, exit);
        Assert.Contains("topics[0].constraints.places[0]: unknown place 'Chnia'", error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'China'", error, StringComparison.Ordinal);
        Assert.Contains("topics[1].query", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Check_UnknownProperty_IsAProblemAsTheAdminApiRefusesIt()
    {
        // Arrange: "place" for "places", which score and preview would only warn about and leave out.
        var topics = files.Write("topics.json", """{ "id": "a", "name": "A", "query": "casino", "constraints": { "place": ["China"] } }""");

        // Act
        var (exit, output, error) = Check(topics);

        // Assert
        Assert.Equal(2, exit);
        Assert.Contains("place", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Check_MissingFile_ExitsTwoSayingSo()
    {
        // Act
        var (exit, _, error) = Check(new FileInfo(Path.Combine(files.FullName, "none.json")));

        // Assert
        Assert.Equal(2, exit);
        Assert.Equal("none.json does not exist.", error.Trim());
    }

    private static (int Exit, string Output, string Error) Check(FileInfo topics)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = TopicsCommand.Check(topics, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => files.Dispose();
}
