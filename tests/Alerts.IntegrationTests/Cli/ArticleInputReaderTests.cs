using Alerts.Cli.Scoring;

namespace Alerts.IntegrationTests.Cli;

public sealed class ArticleInputReaderTests
{
    [Fact]
    public void ReadCsv_QuotedFieldsCommasQuotesBackslashesAndLineBreaks_AreRead()
    {
        // Arrange
        var csv = "id,title,summary\n1,\"Hello, world\",\"She said \"\"hi\"\" \\ then left\"\r\n2,plain,\"two\nlines\"\n";
        var problems = new List<InputProblem>();

        // Act
        var articles = ArticleInputReader.ReadCsv(new StringReader(csv), problems).ToList();

        // Assert
        Assert.Empty(problems);
        Assert.Equal(["1", "2"], articles.Select(a => a.Key));
        Assert.Equal("Hello, world", articles[0].Title);
        Assert.Equal("She said \"hi\" \\ then left", articles[0].Summary);
        Assert.Equal("two\nlines", articles[1].Summary);
    }

    [Fact]
    public void ReadCsv_RowWithWrongFieldCount_IsReportedAndTheRestIsRead()
    {
        // Arrange
        var problems = new List<InputProblem>();

        // Act
        var articles = ArticleInputReader.ReadCsv(new StringReader("title,summary\nA,one\nB,two,extra\nC,three\n"), problems).ToList();

        // Assert
        Assert.Equal(["A", "B", "C"], articles.Select(a => a.Title));
        Assert.Equal(["0", "1", "2"], articles.Select(a => a.Key));
        var problem = Assert.Single(problems);
        Assert.Equal("row 1 (line 3)", problem.Where);
        Assert.Equal("has 3 fields, the header has 2", problem.Message);
    }

    [Fact]
    public void ReadCsv_HeaderWithoutTitleOrBody_SaysWhatItFound()
    {
        // Act
        var error = Assert.Throws<FormatException>(() => ArticleInputReader.ReadCsv(new StringReader("a,b\n1,2\n"), []).ToList());

        // Assert
        Assert.Contains("found: a, b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_CategoryColumn_GivesEachSectionOnce()
    {
        // Act
        var articles = ArticleInputReader.ReadCsv(new StringReader("title,category\nA,Sports; Football|sports\nB,\n"), []).ToList();

        // Assert
        Assert.Equal(["Sports", "Football"], articles[0].Categories);
        Assert.Empty(articles[1].Categories);
    }

    [Fact]
    public void ReadCsv_AgNewsClassNumbers_AreItsFourSections()
    {
        // Arrange: AG News' own layout, its sections numbered 1-4; another value is a section's name.
        var csv = "Class,Title,Article\n1,A,a\n2,B,b\n3,C,c\n4,D,d\nOpinion,E,e\n";

        // Act
        var articles = ArticleInputReader.ReadCsv(new StringReader(csv), []).ToList();

        // Assert
        Assert.Equal(["World", "Sports", "Business", "Sci/Tech", "Opinion"], articles.Select(a => Assert.Single(a.Categories)));
    }

    [Fact]
    public void ReadCsv_ClassColumnOfAnotherLayout_IsNoSection()
    {
        // Act: a "class" column beside other columns than AG News' is the file's own business.
        var articles = ArticleInputReader.ReadCsv(new StringReader("class,title,summary,link\n1,A,a,https://n.example/a\n"), []).ToList();

        // Assert
        Assert.Empty(Assert.Single(articles).Categories);
    }

    [Fact]
    public void ReadJsonLines_Categories_AsAnArrayOrAString()
    {
        // Arrange
        var lines = "{\"title\": \"A\", \"categories\": [\"Sports\", \"Football\"]}\n{\"title\": \"B\", \"section\": \"World\"}\n{\"title\": \"C\"}\n";

        // Act
        var articles = ArticleInputReader.ReadJsonLines(new StringReader(lines), []).ToList();

        // Assert
        Assert.Equal(["Sports", "Football"], articles[0].Categories);
        Assert.Equal(["World"], articles[1].Categories);
        Assert.Empty(articles[2].Categories);
    }
}
