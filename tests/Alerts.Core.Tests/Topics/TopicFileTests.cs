using Alerts.Core.Topics;

namespace Alerts.Core.Tests.Topics;

public sealed class TopicFileTests
{
    [Fact]
    public void Parse_ValidFile_ReadsTopicsAndConstraints()
    {
        // Arrange
        var json = """
            [
              // comments are allowed
              { "id": "quakes", "name": "Earthquakes", "query": "earthquake* OR tsunami", "threshold": 0.6 },
              { "id": "kabul-troops", "name": "Troops in Kabul", "query": "troops",
                "constraints": { "places": ["Kabul"], "excludeActorNationalities": ["Afghan"] } },
            ]
            """;

        // Act
        var topics = TopicFile.Parse(json);

        // Assert
        Assert.Equal(["quakes", "kabul-troops"], topics.Select(t => t.Id));
        Assert.Equal(0.6, topics[0].Threshold);
        Assert.Equal(["Kabul"], topics[1].Constraints!.Places);
        Assert.Empty(topics[1].Constraints!.Organisations);
    }

    [Fact]
    public void Parse_InvalidTopics_ListsEveryProblemWithIndex()
    {
        // Arrange
        var json = """[{ "id": "a", "name": "A", "query": "troops (Kabul" }, { "id": "a", "name": "B", "query": "x" }, null]""";

        // Act
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Parse(json));

        // Assert
        Assert.Equal(
            ["topics[0].query: expected ')' at position 14", "topics[1].id: duplicate id 'a'", "topics[2]: is null"],
            error.Problems);
    }

    [Fact]
    public void Parse_UnknownProperties_AreReportedWithWhatToWriteInstead()
    {
        // Arrange: a constraint beside the query, a property no topic has, a misspelt constraint; names match in any case.
        var json = """
            [{ "id": "a", "name": "A", "query": "troops", "places": ["Iraq"], "organizations": ["NATO"] },
             { "ID": "b", "Name": "B", "QUERY": "troops", "keywords": "x", "Constraints": { "Places": ["Iraq"], "organizations": ["NATO"], "threshold": 0.7 } }]
            """;

        // Act
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Parse(json));

        // Assert
        Assert.Equal(
            [
                "topics[0].places: is a constraint: write it inside \"constraints\" (\"constraints\": { \"places\": ... })",
                "topics[0].organizations: is a constraint: write it inside \"constraints\" (\"constraints\": { \"organisations\": ... })",
                "topics[1].keywords: is not a property of a topic (a topic has id, name, description, query, groups, constraints and threshold)",
                "topics[1].constraints.organizations: is spelled organisations",
                "topics[1].constraints.threshold: belongs to the topic, beside \"constraints\", not inside it",
            ],
            error.Problems);
    }

    [Fact]
    public void Parse_UnknownPropertiesWithWarnings_LoadTheTopicsAndListThem()
    {
        // Arrange: how the CLI reads a file to try it offline.
        var warnings = new List<string>();

        // Act
        var topics = TopicFile.Parse("""[{ "id": "a", "name": "A", "query": "troops", "notes": "mine" }]""", warnings);

        // Assert
        Assert.Equal("a", Assert.Single(topics).Id);
        Assert.Equal(["topics[0].notes: is not a property of a topic (a topic has id, name, description, query, groups, constraints and threshold)"], warnings);
    }

    [Fact]
    public void Parse_ListInsideAnObject_SaysToWriteTheListItself()
    {
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Parse("""{ "topics": [{ "id": "a", "name": "A", "query": "troops" }] }"""));

        Assert.Equal("Topic file is an object holding a \"topics\" list: write the list itself ([ { ... }, { ... } ]), or one topic.", error.Message);
    }

    [Fact]
    public void Unknown_ATopicWithEveryPropertySet_HasNone()
    {
        // Arrange: every property the records have, written as the app writes them; a property added to a record
        // and not to the known names would be refused in every topic file.
        var topic = new WatchTopic("a", "A", "troops @places")
        {
            Description = "d",
            Groups = new Dictionary<string, string> { ["places"] = "Iraq OR Baghdad" },
            Threshold = 0.6,
            Constraints = new TopicConstraints
            {
                Places = ["Iraq"],
                ExcludePlaces = ["Baghdad"],
                Organisations = ["NATO"],
                ActorNationalities = ["Iraq"],
                ExcludeActorNationalities = ["Iraq"],
                Strict = true,
            },
        };
        using var json = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(topic, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));

        // Act
        var unknown = TopicProperties.Unknown(json.RootElement).ToList();

        // Assert
        Assert.Empty(unknown);
        Assert.Equal(7, json.RootElement.EnumerateObject().Count());
    }

    [Theory]
    [InlineData("Japna", "did you mean 'Japan'")]
    [InlineData("Lilliput", "unknown place 'Lilliput'")]
    [InlineData("Korea", "did you mean 'North Korea' or 'South Korea'")]
    [InlineData("Arab", "did you mean 'United Arab Emirates'")]
    [InlineData("Iraq, Syria", "'Iraq' and 'Syria' are places, but the first does not lie in the last; list them as separate places")]
    public void Parse_UnknownPlace_IsRefusedWithTheNearestKnownNames(string place, string expected)
    {
        // Arrange
        var json = $$"""[{ "id": "a", "name": "A", "query": "earthquake", "constraints": { "places": ["{{place}}"] } }]""";

        // Act
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Parse(json));

        // Assert
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("topics[0].constraints.places[0]: unknown place", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lilliput", "Florida", "unknown place 'Lilliput'")]
    [InlineData("United States", "Texas", "'United States' takes in the required place 'Texas': no story could both happen there and not")]
    [InlineData("Texas", "Houston", "'Texas' takes in the required place 'Houston'")]
    [InlineData("Paris", "Paris", "'Paris' is also a required place")]
    [InlineData("Kabul", "Kabul, Afghanistan", "'Kabul' takes in the required place 'Kabul, Afghanistan'")]
    public void Parse_ExcludedPlaceUnknownOrTakingInARequiredOne_IsRefused(string excluded, string required, string expected)
    {
        // Arrange
        var json = $$"""[{ "id": "a", "name": "A", "query": "earthquake", "constraints": { "places": ["{{required}}"], "excludePlaces": ["{{excluded}}"] } }]""";

        // Act
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Parse(json));

        // Assert
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("topics[0].constraints.excludePlaces[0]: ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExcludedPlaceInsideARequiredOne_IsAccepted()
    {
        // Act
        var topics = TopicFile.Parse("""[{ "id": "a", "name": "A", "query": "protest*", "constraints": { "places": ["France"], "excludePlaces": ["Paris"] } }]""");

        // Assert
        Assert.Equal(["Paris"], Assert.Single(topics).Constraints!.ExcludePlaces);
    }

    [Theory]
    [InlineData("Texas")]
    [InlineData("Calif.")]
    [InlineData("Sacramento")]
    [InlineData("Afghan")]
    public void Parse_KnownPlaceOfAnyLevel_IsAccepted(string place)
    {
        // Act
        var topics = TopicFile.Parse($$"""[{ "id": "a", "name": "A", "query": "earthquake", "constraints": { "places": ["{{place}}"] } }]""");

        // Assert
        Assert.Equal([place], topics[0].Constraints!.Places);
    }

    [Fact]
    public void Parse_NotJson_ReportsLine()
    {
        // Act
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Parse("[\n{ \"id\": }\n]"));

        // Assert
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostileDeepJson_IsRejectedWithClearError()
    {
        // Arrange
        var json = "[" + new string('[', 10_000) + new string(']', 10_000) + "]";

        // Act
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Parse(json));

        // Assert
        Assert.StartsWith("Topic file is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OneTopicObject_IsAFileOfOneTopic()
    {
        // Act
        var topics = TopicFile.Parse("""{ "id": "a", "name": "A", "query": "troops" }""");

        // Assert
        Assert.Equal("a", Assert.Single(topics).Id);
    }

    [Theory]
    [InlineData("""[{ "id": "a", "name": "A", "query": "troops", "threshold": "high" }]""", "topics[0].threshold: must be a number")]
    [InlineData("""[{ "id": "a", "name": "A", "query": 42 }]""", "topics[0].query: must be text")]
    [InlineData("""[{ "id": "a", "name": "A", "query": "troops", "constraints": { "places": "Iraq" } }]""", "topics[0].constraints.places: must be a list")]
    [InlineData("""[{ "id": "a", "name": "A", "query": "troops", "constraints": { "strict": "yes" } }]""", "topics[0].constraints.strict: must be true or false")]
    public void Parse_WrongType_SaysWhatIsExpectedWithoutTypeNames(string json, string expected)
    {
        // Act
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Parse(json));

        // Assert
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Alerts.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        // Act
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json")));

        // Assert
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleTopics_AreValid()
    {
        // Act / Assert
        Assert.All(SampleTopics.All, t => Assert.Empty(TopicValidation.Validate(t)));
        Assert.Contains(SampleTopics.All, t => t.Id == "afghanistan-foreign-troops" && t.Name == "Foreign troop deployments in Afghanistan");
    }
}
