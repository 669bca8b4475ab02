using Alerts.Core.Text;

namespace Alerts.Core.Tests.Text;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("troop", "troops")]
    [InlineData("deploy", "deployed")]
    [InlineData("deploy", "deployment")]
    [InlineData("deployed", "deploying")]
    [InlineData("soldier", "Soldiers")]
    [InlineData("withdraw", "withdrawal")]
    public void Stem_InflectedForms_ShareStem(string a, string b)
    {
        // Arrange / Act
        var left = TextAnalyzer.Analyze(a).Single().Stem;
        var right = TextAnalyzer.Analyze(b).Single().Stem;

        // Assert
        Assert.Equal(left, right);
    }

    [Theory]
    [InlineData("execution", "executive")]
    [InlineData("executed", "executives")]
    [InlineData("international", "internal")]
    [InlineData("authorities", "author")]
    [InlineData("organization", "organic")]
    [InlineData("university", "universe")]
    [InlineData("universal", "university")]
    [InlineData("abortion", "aborted")]
    [InlineData("boxing", "boxes")]
    [InlineData("marketing", "market")]
    [InlineData("engineering", "engines")]
    [InlineData("gaming", "games")]
    [InlineData("betting", "bets")]
    [InlineData("gambling", "gamble")]
    [InlineData("unit", "united")]
    [InlineData("imports", "important")]
    [InlineData("critic", "critical")]
    [InlineData("business", "busy")]
    [InlineData("provider", "providence")]
    [InlineData("near", "nearly")]
    [InlineData("office", "officers")]
    [InlineData("position", "positive")]
    [InlineData("initial", "initiative")]
    [InlineData("emerged", "emergency")]
    [InlineData("initial", "initiators")]
    [InlineData("position", "positivity")]
    [InlineData("critic", "criticality")]
    [InlineData("accord", "according")]
    [InlineData("accords", "accordance")]
    [InlineData("heroin", "heroine")]
    [InlineData("expense", "expensive")]
    [InlineData("severance", "several")]
    [InlineData("sever", "severe")]
    [InlineData("quit", "quite")]
    [InlineData("success", "succession")]
    [InlineData("related", "relations")]
    [InlineData("related", "relatives")]
    [InlineData("departed", "department")]
    [InlineData("apart", "apartment")]
    [InlineData("ad", "added")]
    [InlineData("experience", "experiment")]
    [InlineData("stand", "standings")]
    [InlineData("hold", "holdings")]
    [InlineData("edit", "edition")]
    [InlineData("assist", "assistant")]
    [InlineData("design", "designated")]
    [InlineData("conversion", "conversation")]
    [InlineData("detect", "detectives")]
    [InlineData("respect", "respectively")]
    [InlineData("exclusion", "exclusive")]
    [InlineData("invite", "invitational")]
    [InlineData("object", "objective")]
    [InlineData("convention", "conventional")]
    [InlineData("origin", "original")]
    [InlineData("tire", "tired")]
    [InlineData("conference", "conferencing")]
    [InlineData("warn", "warne")]
    [InlineData("corporal", "corporate")]
    [InlineData("corporals", "corporation")]
    [InlineData("admiral", "admired")]
    [InlineData("bowling", "bowl")]
    [InlineData("physics", "physical")]
    [InlineData("receptions", "receptive")]
    [InlineData("reception", "receptiveness")]
    [InlineData("sixes", "six")]
    [InlineData("fours", "four")]
    public void Stem_WordsOfUnrelatedMeaning_DoNotShareStem(string a, string b)
    {
        // Act / Assert: Porter2 alone gives each pair one stem.
        Assert.NotEqual(TextAnalyzer.Stem(a), TextAnalyzer.Stem(b));
    }

    [Theory]
    [InlineData("organisation", "organizations")]
    [InlineData("organised", "organizers")]
    [InlineData("authorities", "authority")]
    [InlineData("executed", "execution")]
    [InlineData("abortion", "abortions")]
    [InlineData("united", "uniting")]
    [InlineData("initiative", "initiated")]
    [InlineData("critic", "criticism")]
    [InlineData("officer", "officers")]
    [InlineData("important", "importance")]
    [InlineData("according", "accordingly")]
    [InlineData("accord", "accords")]
    [InlineData("heroine", "heroines")]
    [InlineData("add", "added")]
    [InlineData("adds", "adding")]
    [InlineData("severance", "severance")]
    [InlineData("quit", "quits")]
    [InlineData("relations", "relation")]
    [InlineData("experiments", "experimental")]
    [InlineData("designate", "designation")]
    [InlineData("departments", "department")]
    [InlineData("corporal", "corporals")]
    [InlineData("admiral", "admirals")]
    [InlineData("reception", "receptions")]
    [InlineData("physics", "physicists")]
    public void Stem_OverriddenFamilies_KeepTheirOwnForms(string a, string b)
    {
        // Act / Assert
        Assert.Equal(TextAnalyzer.Stem(a), TextAnalyzer.Stem(b));
    }

    [Theory]
    [InlineData("experience", "experienced")]
    [InlineData("experiences", "experiencing")]
    [InlineData("reference", "referenced")]
    [InlineData("reference", "referencing")]
    [InlineData("evidence", "evidenced")]
    [InlineData("finance", "financed")]
    [InlineData("balance", "balancing")]
    public void Stem_VerbFormsOfANounInEnceOrAnce_TakeTheNounsStem(string noun, string verbForm)
    {
        // Act / Assert: Porter2 takes "-ence" off "experience" but not off "experienced".
        Assert.Equal(TextAnalyzer.Stem(noun), TextAnalyzer.Stem(verbForm));
    }

    [Fact]
    public void Analyze_AccentsCaseAndPossessives_AreFolded()
    {
        // Arrange
        var text = "KÂBUL Café Turkey's";

        // Act
        var tokens = TextAnalyzer.Analyze(text);

        // Assert
        Assert.Equal(["kabul", "cafe", "turkey"], tokens.Select(t => t.Surface));
    }

    [Fact]
    public void Analyze_StopWords_KeepTheirPositions()
    {
        // Act
        var tokens = TextAnalyzer.Analyze("secure the airport");

        // Assert
        Assert.Equal([0, 1, 2], tokens.Select(t => t.Position));
        Assert.True(tokens[1].IsStopWord);
        Assert.False(tokens[2].IsStopWord);
    }

    [Fact]
    public void Analyze_CompatibilityCharacters_AreNormalised()
    {
        // Arrange: full-width letters and a ligature, as some feeds send them.
        var text = "ＮＡＴＯ ﬁghters";

        // Act
        var tokens = TextAnalyzer.Analyze(text);

        // Assert
        Assert.Equal(["nato", "fighters"], tokens.Select(t => t.Surface));
    }

    [Fact]
    public void AnalyzedDocument_Snippet_MarksTheMatch()
    {
        // Arrange
        var document = new AnalyzedDocument("Title here", "Several hundred marines landed near the port on Tuesday.");
        var position = document.PositionsOf(TextAnalyzer.Stem("marines")).Single();

        // Act
        var snippet = document.Snippet(position, position);

        // Assert
        Assert.Contains("«marines»", snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("legisl~ate~er", "legisl~ate~er", true)]
    [InlineData("legisl~ate~er", "legisl~ate", true)]
    [InlineData("legisl~ate~er", "legisl", true)]
    [InlineData("legisl~ate", "legisl~ate~er", false)]
    [InlineData("renew~able", "renew", true)]
    [InlineData("renew", "renew~able", false)]
    public void IsFoundByAny_ADerivation_IsFoundByEachStemItWasMadeFrom(string stem, string query, bool found)
    {
        // Act / Assert: the narrower family is found by the wider, not the other way round.
        Assert.Equal(found, TextAnalyzer.IsFoundByAny(stem, [query]));
    }

    [Theory]
    [InlineData("AT&T cuts jobs", new[] { "at&t", "cut", "job" })]
    [InlineData("AT&T's profit", new[] { "at&t", "profit" })]
    [InlineData("Johnson & Johnson", new[] { "johnson", "johnson" })]
    [InlineData("C++ and C# developers", new[] { "c++", "and", "c#", "develop~er" })]
    [InlineData("legislators and legislation", new[] { "legisl~ate~er", "and", "legisl~ate" })]
    [InlineData("ranked #1 in C", new[] { "rank", "1", "in", "c" })]
    public void Analyze_NamesTheTokenizerWouldCut_StayWhole(string text, string[] stems)
    {
        // Act
        var tokens = TextAnalyzer.Analyze(text);

        // Assert: whole names are neither stop words nor stemmed, and the words after them keep consecutive positions.
        Assert.Equal(stems, tokens.Select(t => t.Stem));
        Assert.Equal(Enumerable.Range(0, stems.Length), tokens.Select(t => t.Position));
        Assert.All(tokens.Where(t => t.Surface.Contains('&') || t.Surface.Contains('+')), t => Assert.False(t.IsStopWord));
    }

    [Fact]
    public void Analyze_JoinedName_SpansItsWholeText()
    {
        // Arrange
        var text = "Rogers buys AT&T's stake";

        // Act
        var token = TextAnalyzer.Analyze(text).Single(t => t.Surface == "at&t");

        // Assert: the snippet shows the name as written.
        Assert.Equal("AT&T's", text[token.Start..token.End]);
    }

    [Theory]
    [InlineData("AT amp;T Wireless", "AT&T Wireless")]
    [InlineData("AT&amp;T Wireless", "AT&T Wireless")]
    [InlineData("AT&amp;amp;T", "AT&T")]
    [InlineData("he isn #39;t sure", "he isn't sure")]
    [InlineData("#39;Enron of Kansas #39; Trial Begins", "'Enron of Kansas' Trial Begins")]
    [InlineData("quot;Hello quot; she said", "\"Hello\" she said")]
    [InlineData("Summary.\n#39;Hi #39; there", "Summary.\n'Hi' there")]
    [InlineData("In  quot;helping quot; them", "In \"helping\" them")]
    [InlineData("up to  #36;50 million", "up to $50 million")]
    [InlineData("Q&amp;A with &#x27;him&#x27;", "Q&A with 'him'")]
    [InlineData("Smile &#55357;&#56832; today", "Smile &#55357;&#56832; today")]
    [InlineData("Body #55357; text", "Body #55357; text")]
    [InlineData("Assembly Bill #1234; passes", "Assembly Bill #1234; passes")]
    [InlineData("line #10; break", "line #10; break")]
    [InlineData("The team, ranked #50; fell to #64;", "The team, ranked #50; fell to #64;")]
    [InlineData("He plugged in his amp; the crowd roared", "He plugged in his amp; the crowd roared")]
    [InlineData("Apple&#xFFFE; said", "Apple&#xFFFE; said")]
    [InlineData("Johnson  amp; Johnson", "Johnson & Johnson")]
    public void Repair_EscapedReferences_BecomeTheirCharacters(string text, string expected)
    {
        // Act / Assert
        Assert.Equal(expected, EscapedEntities.Repair(text));
    }

    [Theory]
    [InlineData("amp; at the start")]
    [InlineData("Seeded #1; lost in round 2")]
    [InlineData("Call 911; then wait #12 minutes")]
    [InlineData("plain text, no references")]
    public void Repair_TextWithoutReferences_IsUnchanged(string text)
    {
        // A reference needs its ampersand, or the space that replaced it, and a name or a number of two digits or more.
        Assert.Equal(text, EscapedEntities.Repair(text));
    }

    [Fact]
    public void Normalize_RepairedText_IsStable()
    {
        // Arrange: documents keep the normalised text and analyse it again; offsets must not move.
        var once = TextAnalyzer.Normalize("AT&amp;amp;T and  quot;C#");

        // Act / Assert
        Assert.Equal(once, TextAnalyzer.Normalize(once));
    }

    [Fact]
    public void Repair_DeeplyNestedEscapes_StopsAfterAFewPasses()
    {
        // Arrange: each pass copies the text; escaping nested without end must not cost a pass per level.
        var text = "&" + string.Concat(Enumerable.Repeat("amp;", 50)) + "T";

        // Act
        var repaired = EscapedEntities.Repair(text);

        // Assert: three passes, three levels.
        Assert.Equal("&" + string.Concat(Enumerable.Repeat("amp;", 47)) + "T", repaired);
    }

    [Theory]
    [InlineData("Stocks rose&#8230; and then the rally faded in late trading")]
    [InlineData("&amp;#189;&amp;#189;&amp;#189;&amp;#189; pre-war")]
    [InlineData("Acme&amp;#8482; wins AIDS award")]
    public void Document_ReferencesToCompatibilityCharacters_KeepOffsetsOnItsOwnText(string text)
    {
        // Act: a decoded reference may need normalising again ("…" is "..." under NFKC).
        var document = new AnalyzedDocument(text, text);

        // Assert: every token's offsets point at its own letters in the text the document keeps.
        Assert.All(document.Tokens, token =>
        {
            var field = document.IsTitle(token.Position) ? document.Title : document.Body;
            Assert.InRange(token.End, token.Start, field.Length);
            Assert.Equal(token.Surface[0], char.ToLowerInvariant(field[token.Start]));
        });
        Assert.Equal(document.Title, TextAnalyzer.Normalize(document.Title));
    }

    [Fact]
    public void Document_NonCharacters_AreReadAsTheyAre()
    {
        // Act: U+FFFE cannot be normalised; the text is analysed as it is instead of failing the article.
        var document = new AnalyzedDocument("Troops leave", "Apple\uFFFE said &amp;#xFFFE;");

        // Assert
        Assert.Contains(document.Tokens, t => t.Surface == "apple");
    }

    [Fact]
    public void StopWords_TheDocsListThemAll()
    {
        // Arrange: the list docs/scoring.md gives writers ("they are these 33, all ..."), so a writer can tell which
        // words may stand in a NEAR.
        var docs = File.ReadAllText(Path.Combine(TestSupport.RepositoryRoot(), "docs", "scoring.md"));
        var listed = System.Text.RegularExpressions.Regex.Match(docs, @"they\s+are these (\d+), all \([^)]*\):\s+\*(?<words>[^*]+)\*");
        Assert.True(listed.Success, "the docs' list of stop words is gone");
        var words = listed.Groups["words"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        // Act / Assert: each listed word is one, the count is right, and no other common word is.
        Assert.All(words, word => Assert.True(TextAnalyzer.IsStopWord(word), word));
        Assert.Equal(int.Parse(listed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), words.Length);
        Assert.Equal(words.Length, TextAnalyzer.StopWordCount);
        Assert.All(["up", "off", "himself", "said", "from", "has"], word => Assert.False(TextAnalyzer.IsStopWord(word), word));
    }

    [Theory]
    [InlineData("Router ships &lt;a href=\"http://ad.example/x\"&gt;Read more&lt;/a&gt;", "Router ships  Read more ")]
    [InlineData("Top story.&lt;p&gt;ADVERTISEMENT&lt;/p&gt;&lt;p&gt;Buy our white paper", "Top story.")]
    [InlineData("Profit rose 5% as costs fell < 2% and sales > 3%", "Profit rose 5% as costs fell < 2% and sales > 3%")]
    [InlineData("Browsers add the &lt;canvas&gt; tag", "Browsers add the <canvas> tag")]
    [InlineData("Le Monde: <<Chirac humiliated>>", "Le Monde: <<Chirac humiliated>>")]
    [InlineData("Debt <a third of equity yields >4 percent", "Debt <a third of equity yields >4 percent")]
    [InlineData("Shares of &lt;A HREF=\"http://x/stocks/quickinfo?ticker=IBM.N\"&gt;IBM.N&lt;/A&gt; rose", "Shares of  IBM.N  rose")]
    [InlineData("&lt;P&gt;Advertisement&lt;/P&gt;Intel cut prices.", "Intel cut prices.")]
    public void Normalize_MarkupLeftInText_IsNoPartOfTheStory(string text, string expected)
    {
        // Act / Assert: tags become spaces; a feed's advertisement and all after it go; angle brackets in prose stay.
        Assert.Equal(expected, TextAnalyzer.Normalize(text));
    }
}
