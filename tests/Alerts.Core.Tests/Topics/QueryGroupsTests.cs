using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;
using static Alerts.Core.Tests.TestSupport;

namespace Alerts.Core.Tests.Topics;

/// <summary>Word groups named once in a topic and used by name in its query (<c>@it</c>).</summary>
public sealed class QueryGroupsTests
{
    private static readonly Dictionary<string, string> Groups = new()
    {
        ["it"] = "software OR computer* OR Windows",
        ["sport"] = "football OR soccer OR \"Grand Prix\"",
    };

    private static WatchTopic WithGroups(string query) => Topic(query) with { Groups = Groups };

    [Theory]
    [InlineData("flaw* NEAR/5 @it", "flaw* NEAR/5 (software OR computer* OR Windows)")]
    [InlineData("Brazil -@sport", "Brazil -(football OR soccer OR \"Grand Prix\")")]
    [InlineData("title:@it (hole OR @IT)", "title:(software OR computer* OR Windows) (hole OR (software OR computer* OR Windows))")]
    [InlineData("\"@it\" OR e-mail@it.example", "\"@it\" OR e-mail@it.example")]
    public void Expand_NamesInTheQuery_AreTheirGroupsInBrackets(string query, string expected)
    {
        // Act / Assert: in a phrase or inside a word an '@' is the text's own.
        Assert.Equal(expected, QueryGroups.Expand(query, Groups));
    }

    [Theory]
    [InlineData("flaw* NEAR/5 @it", "A flaw in Windows", "Microsoft warned of the flaw on Monday.", true)]
    [InlineData("flaw* NEAR/5 @it", "A flaw in the wing", "Engineers found the flaw on Monday.", false)]
    [InlineData("Brazil -@sport", "Brazil cuts rates", "The central bank acted on Monday.", true)]
    [InlineData("Brazil -@sport", "Brazil wins the Grand Prix", "Barrichello won on Sunday.", false)]
    public void Alerts_TopicWithGroups_MatchesAsTheQueryWithTheGroupsWrittenOut(string query, string title, string body, bool alerts)
    {
        // Arrange
        var written = Topic(QueryGroups.Expand(query, Groups));

        // Act / Assert
        Assert.Equal(alerts, TestSupport.Alerts(WithGroups(query), title, body));
        Assert.Equal(alerts, TestSupport.Alerts(written, title, body));
    }

    [Fact]
    public void Validate_UnknownGroup_IsRefusedAtItsPositionNamingTheGroupsThereAre()
    {
        // Act
        var error = Assert.Single(TopicValidation.Validate(WithGroups("flaw* @itt")));

        // Assert
        Assert.Equal("query", error.Field);
        Assert.Equal(7, error.Position);
        Assert.Contains("'@itt'", error.Message, StringComparison.Ordinal);
        Assert.Contains("@it, @sport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ErrorAfterAGroup_IsReportedAtItsPositionInTheQueryAsWritten()
    {
        // Act: the stray ")" is the 12th character as written, far later once @it is written out.
        var error = Assert.Single(TopicValidation.Validate(WithGroups("flaw* @it x)")));

        // Assert
        Assert.Equal("query", error.Field);
        Assert.Equal(12, error.Position);
        Assert.StartsWith("expected ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("at position 12", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad name", "software", "groups.bad name", "a group's name is a letter")]
    [InlineData("it", "(software OR", "groups.it", "expected ")]
    [InlineData("it", "software @sport", "groups.it", "cannot use another group (@sport)")]
    [InlineData("it", " ", "groups.it", "must not be empty")]
    public void Validate_BadGroup_IsRefusedUnderItsOwnName(string name, string text, string field, string message)
    {
        // Arrange
        var topic = Topic("flaw* @it") with { Groups = new Dictionary<string, string> { [name] = text, ["sport"] = "football" } };

        // Act
        var errors = TopicValidation.Validate(topic);

        // Assert: the query is not read with a group that is wrong, so the group's error is the only one.
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TopicWithoutGroups_ReadsAnAtAsText()
    {
        // Arrange: a query stored before groups existed keeps its meaning.
        var topic = Topic("@nytimes report*");

        // Act / Assert
        Assert.Empty(TopicValidation.Validate(topic));
        Assert.Equal("@nytimes report*", QueryGroups.ExpandedQuery(topic));
    }

    [Theory]
    [InlineData("flaw* @it's", 10, "a space or ')' after '@it'")]
    [InlineData("Brazil \"grand prix\"@sport", 20, "a space before '@sport'")]
    [InlineData("flaw* /@it", 8, "a space before '@it'")]
    public void Validate_GroupNameGluedToOtherText_IsRefusedWhereWritten(string query, int position, string expected)
    {
        // Act
        var error = Assert.Single(TopicValidation.Validate(WithGroups(query)));

        // Assert
        Assert.Equal("query", error.Field);
        Assert.Equal(position, error.Position);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ErrorNamingAPositionInItsText_NamesItAsWritten()
    {
        // Act: the phrase opens at the 5th character as written, the 36th once @it is written out.
        var error = Assert.Single(TopicValidation.Validate(WithGroups("@it \"flaw")));

        // Assert
        Assert.Contains("the phrase opened at position 5", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("at position 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoGroupsNamedAlike_IsRefused()
    {
        // Arrange
        var topic = Topic("flaw* @it") with { Groups = new Dictionary<string, string> { ["it"] = "software", ["IT"] = "hardware" } };

        // Act
        var errors = TopicValidation.Validate(topic);

        // Assert
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("two groups have this name", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ShortQueryUsingALongGroupManyTimes_IsRefusedBeforeItIsCompiled()
    {
        // Arrange: 5,000 characters used 20 times is 100,000 once written out.
        var group = string.Join(" OR ", Enumerable.Range(0, 700).Select(i => $"w{i}"));
        var topic = Topic("x " + string.Join(" ", Enumerable.Repeat("(y OR @big)", 20))) with { Groups = new Dictionary<string, string> { ["big"] = group } };

        // Act
        var error = Assert.Single(TopicValidation.Validate(topic));

        // Assert
        Assert.Equal("query", error.Field);
        Assert.Contains("with its groups written out must be at most 40,000 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GroupNameGluedToTextInsideAGroup_IsRefusedUnderTheGroup()
    {
        // Arrange
        var topic = Topic("flaw* @it") with { Groups = new Dictionary<string, string> { ["it"] = "software @sport,", ["sport"] = "football" } };

        // Act
        var error = Assert.Single(TopicValidation.Validate(topic));

        // Assert
        Assert.Equal("groups.it", error.Field);
        Assert.Contains("a space or ')' after '@sport'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("flaw* place:\"position 99999999999\"")]
    [InlineData("@it place:\"position 3\"")]
    public void Validate_ErrorQuotingTheWriterWithAPosition_IsReportedAsWritten(string query)
    {
        // Act: the writer's own words are not positions to translate.
        var error = Assert.Single(TopicValidation.Validate(WithGroups(query)));

        // Assert
        Assert.Contains(query.Contains("9999", StringComparison.Ordinal) ? "'position 99999999999'" : "'position 3'", error.Message, StringComparison.Ordinal);
    }
}
