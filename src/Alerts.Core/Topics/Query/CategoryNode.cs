using Alerts.Core.Text;

namespace Alerts.Core.Topics.Query;

/// <summary>
/// A section the source filed the story under (<c>category:Sports</c>, <c>-category:Sports</c>,
/// <c>category:"Sci/Tech"</c>): the feed's categories, a pushed article's <c>categories</c>, a news file's category
/// column. Matches when the words written appear together, in any of their forms, in one of the article's categories
/// (<c>category:sport</c> finds "Sports" and "Sports/NFL"). It narrows a query and adds nothing to its score: a
/// section is the desk that filed the story, not what the story says, so "everything on Brazil but its sport" is
/// <c>Brazil -category:Sports</c>, and no list of sixty sport words.
/// </summary>
public sealed class CategoryNode : QueryNode
{
    private readonly string[] words;

    /// <summary>Reads the category's words; throws <see cref="ArgumentException"/> when it has none.</summary>
    public CategoryNode(string name)
        : base(FieldScope.Any)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        words = WordsOf(name);
        if (words.Length == 0)
        {
            throw new ArgumentException($"no words in category '{name}'", nameof(name));
        }

        Name = name.Trim();
    }

    /// <summary>The category as the query wrote it.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override string Kind => "category";

    /// <summary>The stems of a category's words, stop words kept ("Arts and Entertainment"), in order.</summary>
    public static string[] WordsOf(string category) => [.. TextAnalyzer.Analyze(category).Select(t => t.Stem)];

    /// <inheritdoc/>
    /// <remarks>Adds no hit: a category holds for the whole story and is no mention of the subject.</remarks>
    public override bool Evaluate(AnalyzedDocument document, List<QueryHit> hits)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var category in document.CategoryWords)
        {
            if (Matches(category))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one category, read by <see cref="WordsOf"/>, holds the words written, together and in order.</summary>
    public bool Matches(string[] categoryWords) => categoryWords.AsSpan().IndexOf(words) >= 0;

    /// <summary>
    /// The topic's <c>category:</c> terms that match none of the categories of a set of articles, each in the user's
    /// words: a section the source does not use (<c>category:Technology</c> where it writes "Sci/Tech") would
    /// silently leave the topic with no story, or exclude nothing. Empty when every term matches, or the query does
    /// not parse (its own error says so).
    /// </summary>
    public static IReadOnlyList<string> UnmatchedIn(WatchTopic topic, IReadOnlyCollection<string> categoriesSeen)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(categoriesSeen);
        QueryNode query;
        try
        {
            query = QueryParser.Parse(QueryGroups.ExpandedQuery(topic));
        }
        catch (QueryParseException)
        {
            return [];
        }

        var seen = categoriesSeen.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var seenWords = seen.Select(WordsOf).ToList();
        var unmatched = In(query).DistinctBy(c => c.ToString(), StringComparer.OrdinalIgnoreCase)
            .Where(category => !seenWords.Any(category.Matches))
            .ToList();
        if (unmatched.Count == 0)
        {
            return [];
        }

        const int Listed = 12;
        var theirs = seen.Count == 0
            ? "none of them has a category"
            : "their categories: " + string.Join(", ", seen.Take(Listed)) + (seen.Count > Listed ? $" and {seen.Count - Listed} more" : string.Empty);
        return [.. unmatched.Select(category => $"{category} matches no article here ({theirs})")];
    }

    /// <summary>
    /// <see cref="UnmatchedIn"/> for every topic, each line led by its topic ("topic 'x': category:Technology matches
    /// no article here (...)"), as the offline commands print them.
    /// </summary>
    public static IEnumerable<string> UnmatchedIn(IEnumerable<WatchTopic> topics, IReadOnlyCollection<string> categoriesSeen) =>
        topics.SelectMany(topic => UnmatchedIn(topic, categoriesSeen).Select(line => $"topic '{topic.Id}': {line}"));

    /// <summary>
    /// Whether a clause says only where the story was filed: categories, their exclusions and choices among them
    /// (<c>category:World</c>, <c>(category:World -category:Opinion)</c>), no word of what the story says.
    /// </summary>
    public static bool IsOnlyCategories(QueryNode node) => node switch
    {
        CategoryNode => true,
        NotNode not => IsOnlyCategories(not.Child),
        OrNode or => or.Children.All(IsOnlyCategories),
        AndNode and => and.Children.All(IsOnlyCategories),
        _ => false,
    };

    /// <summary>
    /// Whether the query offers categories alone as an alternative to words (<c>Brazil OR category:Sports</c>): that
    /// branch would match every story of the section. A branch that narrows its own words stays
    /// (<c>(drug* -category:Sports) OR heroin</c>).
    /// </summary>
    public static bool IsAlternativeToWords(QueryNode node) => node switch
    {
        OrNode or => (or.Children.Any(IsOnlyCategories) && !or.Children.All(IsOnlyCategories)) || or.Children.Any(IsAlternativeToWords),
        AndNode and => and.Children.Any(IsAlternativeToWords),
        NotNode not => IsAlternativeToWords(not.Child),
        _ => false,
    };

    /// <summary>Every <c>category:</c> term of a query, wherever it stands (in brackets, after a minus, beside NEAR).</summary>
    public static IEnumerable<CategoryNode> In(QueryNode node) => node switch
    {
        CategoryNode category => [category],
        AndNode and => and.Children.SelectMany(In),
        OrNode or => or.Children.SelectMany(In),
        NotNode not => In(not.Child),
        NearNode near => In(near.Left).Concat(In(near.Right)),
        NotNearNode notNear => In(notNear.Left).Concat(In(notNear.Right)),
        _ => [],
    };

    /// <summary>Nothing to file a topic under: the presearcher looks up what the story says.</summary>
    public override IReadOnlyList<RequiredKeys> GetRequiredKeySets() => [];

    /// <inheritdoc/>
    public override string ToString() => "category:" + (Name.Any(c => !char.IsLetterOrDigit(c)) ? $"\"{Name}\"" : Name);
}
