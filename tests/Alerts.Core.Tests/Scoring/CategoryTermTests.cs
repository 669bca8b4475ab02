using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Text;
using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;
using static Alerts.Core.Tests.TestSupport;

namespace Alerts.Core.Tests.Scoring;

/// <summary><c>category:</c> in a query: the section the source filed the story under, which narrows and never scores.</summary>
public sealed class CategoryTermTests
{
    private const string SportTitle = "Brazil beat Haiti in goodwill game";
    private const string SportBody = "PORT-AU-PRINCE (Reuters) - Ronaldo scored three times as Brazil won 6-0.";

    private static TopicMatch? MatchFiled(string query, string title, string body, params string[] categories)
    {
        var document = new AnalyzedDocument(title, body) { Categories = categories };
        return TopicIndexScorer.Score(Index(Topic(query)), document).SingleOrDefault();
    }

    [Theory]
    [InlineData("Brazil -category:Sports", new[] { "Sports" }, false)]
    [InlineData("Brazil -category:Sports", new[] { "World" }, true)]
    [InlineData("Brazil -category:Sports", new string[0], true)]
    [InlineData("Brazil -category:sport", new[] { "Sports/Soccer" }, false)]
    [InlineData("Brazil category:World", new[] { "World" }, true)]
    [InlineData("Brazil category:World", new[] { "Sports" }, false)]
    [InlineData("Brazil category:World", new string[0], false)]
    [InlineData("Brazil category:\"Sci/Tech\"", new[] { "Sci/Tech" }, true)]
    [InlineData("Brazil category:tech", new[] { "Sci/Tech" }, true)]
    [InlineData("Brazil (category:World OR category:Business)", new[] { "Business" }, true)]
    [InlineData("Brazil category:(World OR Business)", new[] { "Business" }, true)]
    [InlineData("Brazil category:(World OR Business)", new[] { "Sports" }, false)]
    [InlineData("Brazil -category:(Sports OR \"Sci/Tech\")", new[] { "Sci/Tech" }, false)]
    [InlineData("Brazil -category:(Sports OR \"Sci/Tech\")", new[] { "Sports" }, false)]
    [InlineData("Brazil -category:(Sports OR \"Sci/Tech\")", new[] { "World" }, true)]
    [InlineData("Brazil -category:\"World News\"", new[] { "World" }, true)]
    public void Alerts_Category_NarrowsByTheSectionTheSourceFiledTheStoryUnder(string query, string[] categories, bool alerts)
    {
        // Act
        var match = MatchFiled(query, SportTitle, SportBody, categories);

        // Assert
        Assert.Equal(alerts, match?.Alert == true);
    }

    [Fact]
    public void Alerts_CategoryOfSeveralWords_MatchesThemTogetherInAnyCategory()
    {
        // Act / Assert: the words in order inside one category, not scattered over two.
        Assert.True(MatchFiled("Brazil category:\"Sci/Tech\"", SportTitle, SportBody, "Business", "Sci/Tech")?.Alert);
        Assert.Null(MatchFiled("Brazil category:\"Sci/Tech\"", SportTitle, SportBody, "Sci", "Tech"));
        Assert.Null(MatchFiled("Brazil category:\"Tech Sci\"", SportTitle, SportBody, "Sci/Tech"));
    }

    [Fact]
    public void Score_CategoryFilter_AddsNothingToTheScore()
    {
        // Act
        var plain = MatchFiled("Brazil", SportTitle, SportBody, "World");
        var filtered = MatchFiled("Brazil category:World", SportTitle, SportBody, "World");

        // Assert: a section is no mention of the subject; the evidence shows the words only.
        Assert.NotNull(plain);
        Assert.NotNull(filtered);
        Assert.Equal(plain.Score, filtered.Score);
        Assert.DoesNotContain(filtered.Evidence, e => e.Description.Contains("category", StringComparison.Ordinal));
    }

    [Fact]
    public void Describe_StoryOutsideTheAskedCategory_SaysWhereItWasFiled()
    {
        // Arrange
        var topic = CompiledTopic.Compile(Topic("Brazil category:World"), Gazetteer.Default);

        // Act
        var filed = QueryShortfall.Describe(topic, new AnalyzedDocument(SportTitle, SportBody) { Categories = ["Sports"] });
        var unfiled = QueryShortfall.Describe(topic, new AnalyzedDocument(SportTitle, SportBody));

        // Assert
        Assert.Contains("it is not filed under category:World (its categories: Sports)", filed, StringComparison.Ordinal);
        Assert.Contains("(its source gave it no category)", unfiled, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_StoryInAnExcludedCategory_NamesIt()
    {
        // Arrange
        var topic = CompiledTopic.Compile(Topic("Brazil -category:Sports"), Gazetteer.Default);

        // Act
        var why = QueryShortfall.Describe(topic, new AnalyzedDocument(SportTitle, SportBody) { Categories = ["Sports"] });

        // Assert
        Assert.Contains("it has what the query excludes: category:Sports", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("category:Sports")]
    [InlineData("-category:Sports")]
    [InlineData("category:Sports OR category:World")]
    public void Validate_QueryOfCategoriesOnly_IsRefused(string query)
    {
        // Act
        var error = Assert.Single(TopicValidation.Validate(Topic(query)));

        // Assert
        Assert.Equal("query", error.Field);
        Assert.Contains("category: only narrows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Brazil OR category:Sports")]
    [InlineData("(Lula OR -category:Sports) Brazil")]
    public void Validate_CategoryOfferedInsteadOfWords_IsRefusedSayingWhatToWrite(string query)
    {
        // Act
        var error = Assert.Single(TopicValidation.Validate(Topic(query)));

        // Assert
        Assert.Contains("a category only narrows what the words find", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(drug* -category:Sports) OR heroin")]
    [InlineData("(Lula category:World) OR Chirac")]
    public void Validate_CategoryNarrowingTheWordsOfItsOwnBranch_IsAccepted(string query)
    {
        // Act / Assert: the branch still asks for words; only a branch of categories alone matches a whole section.
        Assert.Empty(TopicValidation.Validate(Topic(query)));
    }

    [Theory]
    [InlineData("Brazil category:", "a section's name after 'category:'")]
    [InlineData("Brazil category:\"!!\"", "a section's name after 'category:'")]
    [InlineData("Brazil title:(Lula category:World)", "a category is no part of the headline")]
    [InlineData("Brazil section:World", "the field 'title:', 'place:' or 'category:' (unknown field 'section:')")]
    public void Parse_BadCategory_SaysWhatIsExpected(string query, string expected)
    {
        // Act
        var error = Assert.Throws<QueryParseException>(() => QueryParser.Parse(query));

        // Assert
        Assert.Contains(expected, error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Brazil NEAR/5 category:Sports")]
    [InlineData("-category:Sports NEAR/5 Brazil")]
    [InlineData("Brazil NEAR/5 (Lula OR category:World)")]
    public void Parse_CategoryBesideNear_IsRefused(string query)
    {
        // Act: a category has no position in the text, so the pair could never match.
        var error = Assert.Throws<QueryParseException>(() => QueryParser.Parse(query));

        // Assert
        Assert.Contains("a category has no place in the text", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(Ronaldo -category:Business) NEAR/5 Brazil", true)]
    [InlineData("(Ronaldo -category:Sports) NEAR/5 Brazil", false)]
    [InlineData("Brazil NEAR/5 (Ronaldo category:Sports)", true)]
    public void Score_ABracketNarrowingItsWordsBySectionInsideNear_KeepsTheirPlaces(string query, bool alerts)
    {
        // Act: the bracket's words are still near or far; the section decides whether the bracket holds at all.
        var match = MatchFiled(query, SportTitle, SportBody, "Sports");

        // Assert
        Assert.Equal(alerts, match?.Alert ?? false);
    }

    [Theory]
    [InlineData("Brazil (category:World -category:Opinion)")]
    [InlineData("Brazil (category:World OR -category:Sports)")]
    public void Score_CategoriesAndTheirExclusionsInABracket_AreAFilterNotAWordGroup(string query)
    {
        // Act
        var plain = MatchFiled("Brazil", SportTitle, SportBody, "World");
        var filtered = MatchFiled(query, SportTitle, SportBody, "World");

        // Assert: no "missing" group, the same score.
        Assert.NotNull(filtered);
        Assert.Equal(plain!.Score, filtered.Score);
        Assert.DoesNotContain(filtered.Evidence, e => e.Kind == "missing");
    }

    [Fact]
    public void Clean_CategoriesFromAnySource_AreTrimmedCollapsedOnceEachAndCapped()
    {
        // Act
        var cleaned = Alerts.Core.Articles.ArticleCategories.Clean([" Local \t News ", "local news", "", null, .. Enumerable.Range(0, 30).Select(i => $"Tag {i}")]);

        // Assert
        Assert.Equal("Local News", cleaned[0]);
        Assert.Equal(Alerts.Core.Articles.ArticleCategories.MaxPerArticle, cleaned.Count);
        Assert.Equal("Tag 18", cleaned[^1]);
    }

    [Fact]
    public void RevisedTo_NewVersionWithoutCategories_KeepsTheStoredOnes()
    {
        // Arrange
        var stored = new Alerts.Core.Articles.Article("k", "push", "Old", "https://n.example/a", "Old text", null, DateTimeOffset.UnixEpoch) { Categories = ["World"] };
        var bare = stored with { Title = "New", Categories = [] };
        var filed = stored with { Title = "New", Categories = ["Business"] };

        // Act / Assert
        Assert.Equal(["World"], stored.RevisedTo(bare).Categories);
        Assert.Equal(["Business"], stored.RevisedTo(filed).Categories);
    }

    [Theory]
    [InlineData("Brazil -category:Sports", "Brazil -category:Sports")]
    [InlineData("Brazil category:\"Sci/Tech\"", "Brazil category:\"Sci/Tech\"")]
    [InlineData("Brazil -category:(Sports OR Business)", "Brazil -(category:Sports OR category:Business)")]
    public void ToString_Category_WritesTheQueryBack(string query, string written)
    {
        // Act / Assert: evidence and the workbench show the query as written.
        Assert.Equal(written, QueryParser.Parse(query).ToString());
    }

    [Theory]
    [InlineData("Brazil category:(World Business)", 24)]
    [InlineData("Brazil category:(World OR (Business))", 27)]
    [InlineData("Brazil category:(World OR", 26)]
    public void Parse_ListOfSectionsNotJoinedByOr_SaysHowToWriteIt(string query, int position)
    {
        // Act
        var error = Assert.Throws<QueryParseException>(() => QueryParser.Parse(query));

        // Assert: the place of the mistake, in the words of the query language.
        Assert.Equal(position, error.Position);
        Assert.Contains("category:", error.Expected, StringComparison.Ordinal);
    }
}
