using System.Globalization;
using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Text;

namespace Alerts.Core.Topics.Query;

/// <summary>A query that does not parse: where (1-based character position) and what was expected there.</summary>
public sealed class QueryParseException : FormatException
{
    /// <summary>Creates the error.</summary>
    public QueryParseException(string expected, int position)
        : base($"expected {expected} at position {position}")
    {
        Expected = expected;
        Position = position;
    }

    /// <summary>What the parser expected.</summary>
    public string Expected { get; }

    /// <summary>1-based character position in the query.</summary>
    public int Position { get; }
}

/// <summary>
/// Parses the topic language: implicit AND, <c>OR</c>, <c>AND</c>, <c>NOT</c> and <c>-term</c>, <c>"exact phrases"</c>,
/// <c>"phrase"~n</c>, <c>prefix*</c>, parentheses, <c>a NEAR/n b</c> and <c>title:</c> scoping. Words go through the
/// same analysis as articles, so matching ignores case, accents and inflection, except that a single word written as
/// a name ("Mars") matches only its own forms. Precedence, loosest first: OR, AND (implicit), NOT, NEAR (with NOT NEAR,
/// which binds as NEAR does, left to right).
/// </summary>
public static partial class QueryParser
{
    /// <summary>The words of a parsed query read as names, as written, once each, in query order.</summary>
    public static IReadOnlyList<string> NamesIn(QueryNode query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. Terms(query).Where(t => t.IsName).Select(t => t.Written.Trim('"')).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The words a query writes with a capital ("Saints", "Hornets") that are read as everyday words all the same, once
    /// each, in query order: they match in every sense and case ("saints", "a hornets' nest"), which a writer who
    /// cannot see the everyday-word list does not know. Only words the query asks for (an excluded word keeps its
    /// every sense away, as meant), and not words written with <c>#</c>, which ask for one form anyway, nor a company's
    /// name quoted with its 's ("\"Moody's\""), which asks for that form with its capital.
    /// </summary>
    public static IReadOnlyList<string> EverydayWordsWrittenAsNamesIn(QueryNode query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. Leaves(query, askedOnly: true).OfType<TermNode>()
            .Where(t => !t.IsOtherSpelling && !t.IsName && !t.NeedsPossessive && IsWrittenAsName(t.Written))
            .Select(t => WithoutPossessive(t.Written.Trim('"')).TrimEnd('\'')).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The places a query asks for or keeps away by name (<c>place:Orlando</c>), as written, each once.</summary>
    public static IReadOnlyList<string> PlacesNamedIn(QueryNode query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. Leaves(query).OfType<PlaceNode>().Select(place => place.Name).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    // "Mars", "McLaren", "\"Saints'\"": written with a capital and then a lower-case letter, past an opening quote; the
    // parser's test for a name, which an everyday word written so fails only by being in the everyday-word list.
    private static bool IsWrittenAsName(string text)
    {
        var letters = text.AsSpan().TrimStart("\"'(");
        return letters.Length > 1 && char.IsUpper(letters[0]) && char.IsLower(letters[1]);
    }

    /// <summary>Every folded form the query's names match ("sharapova", "glazers"...): empty when it has none.</summary>
    public static IReadOnlySet<string> NameFormsIn(QueryNode query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // With the other spellings it was given ("barghuti" for Barghouti): the article writes the name that way.
        var forms = Terms(query, withOtherSpellings: true).Where(t => t.IsName).SelectMany(t => t.NameForms!).ToHashSet(StringComparer.Ordinal);
        // Most queries have no names: they share one empty set instead of keeping one each (10,000s of topics).
        return forms.Count == 0 ? NoNameForms : forms;
    }

    /// <summary>
    /// The folded forms of the words a query writes in capitals ("sap", "bmw"): names too, though they match like
    /// other words. Empty when it has none, or when the whole query is written in capitals (then capitals say
    /// nothing).
    /// </summary>
    public static IReadOnlySet<string> CapitalNamesIn(QueryNode query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = Terms(query).Select(t => t.Written.Trim('"')).ToList();
        var capitals = terms.Where(IsWrittenInCapitals).ToList();
        return capitals.Count == 0 || capitals.Count == terms.Count
            ? NoNameForms
            : capitals.SelectMany(c => TermNode.FormsOfName(c.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
    }

    private static readonly IReadOnlySet<string> NoNameForms = new HashSet<string>();

    /// <summary>
    /// The stems of the query's phrases written as names ("Virgin Atlantic", "Coldstream Guards"): the companies, teams and
    /// bodies a topic asks for by their full names. Empty when it has none.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> NamePhrasesIn(QueryNode query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var phrases = Leaves(query).OfType<PhraseNode>().Where(phrase => phrase.IsWrittenAsName).Select(phrase => phrase.Stems).ToList();
        return phrases.Count == 0 ? [] : phrases;
    }

    /// <summary>Longest word read as an acronym when written in capitals (<c>AIDS</c>, <c>WHO</c>, <c>IT</c>).</summary>
    public const int MaxAcronymLength = 5;

    // A query whose words have no lower-case letter was typed with caps lock, and its capitals say nothing, when one
    // of them could not be an acronym: longer than one ("TROOPS KABUL"), a stop word ("WAR IN IRAQ"), or every word
    // an everyday one ("OIL PRICE"). Operators and numbers do not count: "AIDS OR HIV" and "AIDS 2004" keep AIDS.
    private static bool IsTypedInCapitals(List<Lexeme> lexemes)
    {
        var words = lexemes
            .Where(l => l.Kind is LexKind.Word or LexKind.Phrase)
            .SelectMany(l => l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => WithoutPossessive(Bare(w)))
            .Where(w => w.Any(char.IsLetter))
            .ToList();
        if (words.Count == 0 || words.Any(w => w.Any(char.IsLower)))
        {
            return false;
        }

        var folded = words.Select(w => w.ToLowerInvariant()).ToList();
        return words.Any(w => w.Count(char.IsLetter) > MaxAcronymLength)
            || folded.Any(TextAnalyzer.IsStopWord)
            || (words.Count > 1 && folded.All(OrdinaryWords.Contains));
    }

    // A word as written, without the quotes, brackets and trailing punctuation around it ("US," "(WHO").
    private static string Bare(string written) => written.Trim('"', '(', ')').TrimEnd(',', ';', ':', '!', '?');

    // "US" (us), "IT" (it): initials that are also an everyday word or a stop word.
    private static bool IsEverydayWordInCapitals(string written) =>
        !written.Contains('.') && IsAcronym(written, written.ToLowerInvariant());

    // "WHO's" is the acronym WHO.
    private static string WithoutPossessive(string written) =>
        written.EndsWith("'s", StringComparison.Ordinal) || written.EndsWith("\u2019s", StringComparison.Ordinal) ? written[..^2] : written;

    /// <summary>
    /// Initials written the other way: "U.S." for "US" and "US" for "U.S." (two or three capitals: longer ones,
    /// NATO, are not written with dots); null for any other word.
    /// </summary>
    public static string? OtherSpellingOfInitials(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (written.Length is >= 2 and <= 3 && written.All(char.IsAsciiLetterUpper))
        {
            return string.Join('.', written.ToCharArray()) + ".";
        }

        var letters = written.Split('.', StringSplitOptions.RemoveEmptyEntries);
        return written.EndsWith('.') && letters.Length is >= 2 and <= 3 && letters.All(l => l is [var c] && char.IsAsciiLetterUpper(c))
            ? string.Concat(letters)
            : null;
    }

    // "AIDS", "WHO", "IT", "US": an everyday English word (or a stop word) written in capitals is an acronym, and
    // matches only where the article writes it in capitals too, not "aide", "who" or "us". So is a regular form of an
    // everyday word ("CITES", the wildlife treaty, is not in the word list, but "cite" is, and would find "citing").
    private static bool IsAcronym(string written, string folded) =>
        IsWrittenInCapitals(written) && written.Length <= MaxAcronymLength
        && (OrdinaryWords.Contains(folded) || TextAnalyzer.IsStopWord(folded) || IsFormOfEverydayWord(folded));

    // "cites" (cite), "trims" (trim), "boxed" (box): an everyday word of four letters or more and a regular ending.
    // Shorter bases are where names in capitals end ("METS", "REDS", "RAMS": met, red, ram), which stay names.
    private static bool IsFormOfEverydayWord(string folded) =>
        RegularEndings.Any(ending => folded.Length - ending.Length >= 4 && folded.EndsWith(ending, StringComparison.Ordinal)
            && OrdinaryWords.Contains(folded[..^ending.Length]));

    private static readonly string[] RegularEndings = ["s", "es", "d", "ed", "ing"];

    // "SAP", "BMW", "NEC": two or more letters, all capitals (a whole query typed in capitals is rare in topics).
    private static bool IsWrittenInCapitals(string written) =>
        written.Length >= 2 && written.All(char.IsAsciiLetterUpper);

    // "3M", "3G", "4Q": a name, where "3m" and "3g" are amounts and measures.
    private static bool IsDigitsThenCapitals(string written) =>
        written.Length >= 2 && char.IsAsciiDigit(written[0]) && char.IsAsciiLetterUpper(written[^1])
        && written.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));

    /// <summary>The words of a query (not their other spellings unless asked), exclusions' and kept-away sides' too.</summary>
    internal static IEnumerable<TermNode> Terms(QueryNode node, bool withOtherSpellings = false) =>
        Leaves(node).OfType<TermNode>().Where(term => withOtherSpellings || !term.IsOtherSpelling);

    // A query's words, phrases, prefixes, places and categories; with askedOnly not those it excludes (-x, NOT x, the
    // right side of NOT NEAR).
    private static IEnumerable<QueryNode> Leaves(QueryNode node, bool askedOnly = false) => node switch
    {
        AndNode and => and.Children.SelectMany(child => Leaves(child, askedOnly)),
        OrNode or => or.Children.SelectMany(child => Leaves(child, askedOnly)),
        NotNode not => askedOnly ? [] : Leaves(not.Child),
        NearNode near => Leaves(near.Left, askedOnly).Concat(Leaves(near.Right, askedOnly)),
        NotNearNode notNear => askedOnly ? Leaves(notNear.Left, askedOnly) : Leaves(notNear.Left).Concat(Leaves(notNear.Right)),
        _ => [node],
    };

    /// <summary>Largest distance accepted by NEAR/n and ~n.</summary>
    public const int MaxDistance = 50;

    /// <summary>Deepest nesting of parentheses and NOTs accepted (keeps hostile queries from exhausting the stack).</summary>
    public const int MaxDepth = 32;

    /// <summary>Parses a query or throws <see cref="QueryParseException"/>.</summary>
    public static QueryNode Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lexemes = Lex(query);
        var parser = new Parser(lexemes, query.Length, IsTypedInCapitals(lexemes));
        var node = parser.ParseOr(FieldScope.Any);
        if (!parser.AtEnd)
        {
            throw new QueryParseException("an operator, a term or the end of the query (unmatched ')'?)", parser.Current.Position);
        }

        var parsed = node ?? throw new QueryParseException("at least one searchable word (stop words such as 'the' are ignored)", 1);
        return MarkEverydayFirstNames(MarkSponsorNames(parsed));
    }

    // An everyday word written in lower case that is also a first name (bill, gene, mark) asks for the word: it passes
    // over "Bill Frist" and "Gene Robinson", unless the query names the person too ("bill frist", "bill OR frist*"). A
    // word excluded (-bill) is left as written: there the person is as likely meant.
    private static QueryNode MarkEverydayFirstNames(QueryNode node)
    {
        var asked = Leaves(node, askedOnly: true).ToList();
        var everyday = asked.OfType<TermNode>().Where(IsEverydayFirstNameInLowerCase).ToList();
        if (everyday.Count > 0)
        {
            var surnames = new SurnamesAsked(
                asked.SelectMany(leaf => leaf switch
                {
                    TermNode term => term.SearchedStems,
                    PhraseNode phrase => phrase.Stems,
                    _ => [],
                }),
                asked.OfType<PrefixNode>().Select(prefix => prefix.Prefix));
            foreach (var term in everyday)
            {
                term.PassesOverFirstNames = true;
                term.SurnamesAsked = surnames;
            }
        }

        return node;
    }

    // "bill", "bills" (a plural's stem is the name's): the plain word in lower case. A quoted word, "bill's", bill*
    // and #bill ask for the word as written, the person too.
    private static bool IsEverydayFirstNameInLowerCase(TermNode term) =>
        term.Written.All(char.IsLower) && (PersonNames.IsEverydayFirstName(term.Written) || PersonNames.IsEverydayFirstName(term.Stem));

    // A name's mentions before a competition's word ("the Nextel Cup season") are a sponsor's, not the company's,
    // unless the query asks for that competition word (Ryder Cup, "Davis Cup", "Hart Trophy" find their own names; a
    // word it only keeps away, Allstate NOT PRE/0 Bowl or -"Nextel Cup", asks for nothing) or the name is a place or a
    // people ("the China Open").
    private static QueryNode MarkSponsorNames(QueryNode node)
    {
        var asked = Leaves(node, askedOnly: true).ToList();
        var competitionStemsAsked = asked.OfType<TermNode>().Select(t => t.Written.Trim('"').ToLowerInvariant())
            .Concat(asked.OfType<PhraseNode>().SelectMany(WordsOf))
            .Where(AnalyzedDocument.IsCompetitionWord)
            .Select(TextAnalyzer.Stem)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var term in Terms(node, withOtherSpellings: true).Where(t => t.IsName && Gazetteer.Default.Resolve(t.Written) is null))
        {
            term.SkipsCompetitionNames = true;
            term.CompetitionStemsAsked = competitionStemsAsked;
        }

        return node;
    }

    private static string[] WordsOf(PhraseNode phrase) =>
        phrase.Written.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private enum LexKind
    {
        Word,
        Phrase,
        LParen,
        RParen,
        Or,
        And,
        Not,
        Near,
        Field,
        End,
    }

    private readonly record struct Lexeme(LexKind Kind, string Text, int Position, int Number = 0);

    private static List<Lexeme> Lex(string query)
    {
        var result = new List<Lexeme>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var position = i + 1;
            switch (c)
            {
                case '(':
                    result.Add(new Lexeme(LexKind.LParen, "(", position));
                    i++;
                    continue;
                case ')':
                    result.Add(new Lexeme(LexKind.RParen, ")", position));
                    i++;
                    continue;
                case '"' or '“' or '”':
                    i = LexPhrase(query, i, result);
                    continue;
            }

            var start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')' or '"' or '“' or '”'))
            {
                i++;
            }

            var word = query[start..i];
            if (word.Length == 1 && IsExclusionMark(word[0]))
            {
                // A dash or "!" standing alone is punctuation ("troops – Iraq"), unless it opens a bracket or a phrase.
                if (i < query.Length && query[i] is '(' or '"' or '“' or '”')
                {
                    result.Add(new Lexeme(LexKind.Not, word, position));
                }

                continue;
            }

            if (word.Equals("AROUND", StringComparison.OrdinalIgnoreCase) && AroundDistance(query, i) is { } around)
            {
                // Web search's AROUND(5) is NEAR/5, also written "AROUND (5)".
                var (open, close) = around;
                result.Add(new Lexeme(LexKind.Near, word, position, ParseDistance(query[(open + 1)..close], open + 2)));
                i = close + 1;
                continue;
            }

            LexWord(word, position, result);
        }

        result.Add(new Lexeme(LexKind.End, string.Empty, query.Length + 1));
        return result;
    }

    private static int LexPhrase(string query, int open, List<Lexeme> result)
    {
        var close = query.IndexOfAny(['"', '“', '”'], open + 1);
        if (close < 0)
        {
            throw new QueryParseException($"a closing '\"' for the phrase opened at position {open + 1}", query.Length + 1);
        }

        var i = close + 1;
        var slop = 0;
        if (i < query.Length && query[i] == '~')
        {
            var digits = i + 1;
            while (digits < query.Length && char.IsAsciiDigit(query[digits]))
            {
                digits++;
            }

            slop = ParseDistance(query[(i + 1)..digits], i + 2);
            i = digits;
        }

        result.Add(new Lexeme(LexKind.Phrase, query[(open + 1)..close], open + 1, slop));
        return i;
    }

    private static int ParseDistance(string digits, int position)
    {
        if (digits.Length == 0 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new QueryParseException("a number of words", position);
        }

        if (n > MaxDistance)
        {
            throw new QueryParseException($"a distance of at most {MaxDistance} words", position);
        }

        return n;
    }

    // Where the "(5)" after AROUND opens and closes (spaces before it allowed), or null when no number in brackets
    // follows: "(5)" alone would be a group of the number, which no topic means.
    private static (int Open, int Close)? AroundDistance(string query, int after)
    {
        var open = after;
        while (open < query.Length && char.IsWhiteSpace(query[open]))
        {
            open++;
        }

        if (open >= query.Length || query[open] != '(')
        {
            return null;
        }

        var close = query.IndexOf(')', open);
        return close > open + 1 && query.AsSpan(open + 1, close - open - 1).IndexOfAnyExceptInRange('0', '9') < 0
            ? (open, close)
            : null;
    }

    // The marks other than '-' that exclude the word they touch: the dashes a word processor makes of a minus, the
    // minus sign, and the "!" of other search languages.
    private static bool IsExclusionMark(char c) => c is '\u2013' or '\u2014' or '\u2212' or '!';

    // Where the slash is in another search language's proximity operator ("W/5", "PRE/5"; "w/o" is a word), or null.
    private static int? OtherProximityOperator(string word)
    {
        var slash = word.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && (slash + 1 == word.Length || char.IsAsciiDigit(word[slash + 1]))
            && (word[..slash].Equals("W", StringComparison.OrdinalIgnoreCase) || IsOrderedProximity(word))
            ? slash
            : null;
    }

    // PRE/5: the left side first, as the news databases it comes from read it.
    private static bool IsOrderedProximity(string word) => word.StartsWith("PRE/", StringComparison.OrdinalIgnoreCase);

    private static void LexWord(string word, int position, List<Lexeme> result)
    {
        // Operators are recognised in any case: as English stop words they could never be searched for anyway.
        switch (word.ToUpperInvariant())
        {
            case "OR" or "|" or "||":
                result.Add(new Lexeme(LexKind.Or, word, position));
                return;
            case "AND" or "&" or "&&":
                result.Add(new Lexeme(LexKind.And, word, position));
                return;
            case "NOT":
                result.Add(new Lexeme(LexKind.Not, word, position));
                return;
            case "NEAR":
                throw new QueryParseException("'/' and a number after NEAR (NEAR/5)", position + 4);
        }

        if (word.StartsWith("NEAR/", StringComparison.OrdinalIgnoreCase))
        {
            result.Add(new Lexeme(LexKind.Near, word, position, ParseDistance(word[5..], position + 5)));
            return;
        }

        if (OtherProximityOperator(word) is { } slash)
        {
            // Legal and news databases write NEAR/5 as W/5 ("within"), and PRE/5 for the left side first.
            result.Add(new Lexeme(LexKind.Near, word, position, ParseDistance(word[(slash + 1)..], position + slash + 1)));
            return;
        }

        // A dash a word processor made of the minus ("–Iraq"), or the "!" of other search languages, excludes too.
        if (word[0] is '-' or '+' || IsExclusionMark(word[0]))
        {
            var kind = word[0] == '+' ? LexKind.And : LexKind.Not;
            if (word.Length == 1)
            {
                // "-" directly before "(" or a phrase applies to it; a lone "-" is an error the parser reports.
                result.Add(new Lexeme(kind, word, position));
                return;
            }

            result.Add(new Lexeme(kind, word[..1], position));
            LexWord(word[1..], position + 1, result);
            return;
        }

        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && word[..colon].All(char.IsAsciiLetter))
        {
            var field = word[..colon];
            if (!KnownFields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                throw new QueryParseException($"the field 'title:', 'place:' or 'category:' (unknown field '{field}:')", position);
            }

            result.Add(new Lexeme(LexKind.Field, field, position));
            if (colon + 1 < word.Length)
            {
                LexWord(word[(colon + 1)..], position + colon + 1, result);
            }

            return;
        }

        result.Add(new Lexeme(LexKind.Word, word, position));
    }

    private static readonly string[] KnownFields = ["title", "place", "category"];

    private sealed partial class Parser(List<Lexeme> lexemes, int length, bool typedInCapitals)
    {
        private int index;
        private int depth;

        private void Enter(int position)
        {
            if (++depth > MaxDepth)
            {
                throw new QueryParseException($"at most {MaxDepth} nested parentheses or NOTs", position);
            }
        }

        public Lexeme Current => lexemes[index];

        public bool AtEnd => Current.Kind == LexKind.End;

        public QueryNode? ParseOr(FieldScope scope)
        {
            var alternatives = new List<QueryNode>();
            var sawOperand = false;
            var operand = ParseAnd(scope, out var any);
            sawOperand |= any;
            Add(alternatives, operand);
            while (Current.Kind == LexKind.Or)
            {
                var orPosition = Current.Position;
                index++;
                operand = ParseAnd(scope, out any);
                if (!any)
                {
                    throw new QueryParseException("a term, phrase or '(' after OR", Current.Position);
                }

                if (!sawOperand)
                {
                    throw new QueryParseException("a term, phrase or '(' before OR", orPosition);
                }

                Add(alternatives, operand);
            }

            return alternatives.Count switch
            {
                0 => null,
                1 => alternatives[0],
                _ => new OrNode(alternatives),
            };
        }

        private static void Add(List<QueryNode> list, QueryNode? node)
        {
            if (node is not null)
            {
                list.Add(node);
            }
        }

        private QueryNode? ParseAnd(FieldScope scope, out bool any)
        {
            var clauses = new List<QueryNode>();
            any = false;
            while (Current.Kind is not (LexKind.End or LexKind.RParen or LexKind.Or))
            {
                if (Current.Kind == LexKind.And)
                {
                    index++;
                    if (Current.Kind is LexKind.End or LexKind.RParen or LexKind.Or or LexKind.And)
                    {
                        throw new QueryParseException("a term, phrase or '(' after AND", Current.Position);
                    }
                }

                Add(clauses, ParseUnary(scope));
                any = true;
            }

            return clauses.Count switch
            {
                0 => null,
                1 => clauses[0],
                _ => new AndNode(clauses),
            };
        }

        private QueryNode? ParseUnary(FieldScope scope)
        {
            if (Current.Kind != LexKind.Not)
            {
                return ParseNear(scope);
            }

            if (IsNotNear())
            {
                var written = "NOT " + OperatorWritten(lexemes[index + 1]);
                throw new QueryParseException($"a term, phrase or '(' before {written} (CNN {written}/3 told)", Current.Position);
            }

            Enter(Current.Position);
            index++;
            if (Current.Kind is LexKind.End or LexKind.RParen or LexKind.Or or LexKind.And or LexKind.Near)
            {
                throw new QueryParseException("a term, phrase or '(' after NOT or '-'", Current.Position);
            }

            var inner = ParseUnary(scope);
            depth--;
            return inner is null ? null : new NotNode(inner);
        }

        private QueryNode? ParseNear(FieldScope scope)
        {
            var leftPosition = Current.Position;
            var left = ParsePrimary(scope);
            while (Current.Kind == LexKind.Near || IsNotNear())
            {
                var negated = Current.Kind == LexKind.Not;
                index += negated ? 1 : 0;
                var distance = Current.Number;
                var inOrder = IsOrderedProximity(Current.Text);
                // The operator as the query wrote it ("PRE", "W", "NEAR"), for the messages.
                var written = (negated ? "NOT " : string.Empty) + OperatorWritten(Current);
                index++;
                var rightPosition = Current.Position;
                var right = ParsePrimary(scope);
                if (left is null || right is null)
                {
                    throw new QueryParseException($"searchable words on both sides of {written} (not only stop words)", rightPosition);
                }

                // A side that is only sections, or offers one instead of words, has no place in the text to be near; a
                // bracket that narrows its words by section ("(NFC -category:Sports) NEAR/8 chip") keeps their places.
                if (IsSectionsBesideNear(left) || IsSectionsBesideNear(right))
                {
                    throw new QueryParseException($"words on both sides of {written} (a category has no place in the text: write category: as a clause of its own)", rightPosition);
                }

                if (negated && !(IsMentions(left) && IsMentions(right)))
                {
                    throw new QueryParseException($"a word, phrase, place or list of them (A OR B) on each side of {written}: write (CNN {written}/3 told) ratings, not (CNN ratings) {written}/3 told", IsMentions(left) ? rightPosition : leftPosition);
                }

                left = negated ? new NotNearNode(left, right, distance, inOrder) : new NearNode(left, right, distance, inOrder);
            }

            return left;
        }

        // "PRE", "W", "NEAR": the proximity operator as the query wrote it, without its distance, for the messages.
        private static string OperatorWritten(Lexeme near) =>
            new string(near.Text.TakeWhile(char.IsLetter).ToArray()).ToUpperInvariant();

        private static bool IsSectionsBesideNear(QueryNode side) =>
            CategoryNode.IsOnlyCategories(side) || CategoryNode.IsAlternativeToWords(side);

        // "CNN NOT NEAR/3 told", "NOT W/3", "NOT PRE/3": a proximity that leaves out the matches it finds.
        private bool IsNotNear() =>
            Current.Kind == LexKind.Not && Current.Text.Equals("NOT", StringComparison.OrdinalIgnoreCase)
            && index + 1 < lexemes.Count && lexemes[index + 1].Kind == LexKind.Near;

        // Each side of NOT NEAR is mentions the other keeps away from: a word, a phrase, a place or a list of them. An
        // AND or an exclusion has no one place in the text to keep away ("(CNN ratings) NOT NEAR/3 told" would keep
        // "ratings" and drop the CNN it needs), so it is refused with the way to write it.
        private static bool IsMentions(QueryNode node) => node switch
        {
            TermNode or PrefixNode or PhraseNode or PlaceNode => true,
            OrNode { IsWrittenWithOr: false } => true,
            OrNode or => or.Children.All(IsMentions),
            _ => false,
        };

        private QueryNode? ParsePrimary(FieldScope scope)
        {
            var lexeme = Current;
            switch (lexeme.Kind)
            {
                case LexKind.Field when IsPlaceField(lexeme):
                    index++;
                    return Place(scope);
                case LexKind.Field when IsField(lexeme, "category"):
                    if (scope == FieldScope.Title)
                    {
                        throw new QueryParseException("a term, phrase or '(' after 'title:' (a category is no part of the headline: write category:Sports on its own)", lexeme.Position);
                    }

                    index++;
                    return Category();
                case LexKind.Field:
                    index++;
                    if (Current.Kind is not (LexKind.Word or LexKind.Phrase or LexKind.LParen) && !IsPlaceField(Current))
                    {
                        throw new QueryParseException("a term, phrase or '(' after 'title:'", Current.Position);
                    }

                    return ParsePrimary(FieldScope.Title);
                case LexKind.LParen:
                    Enter(lexeme.Position);
                    index++;
                    var inner = ParseOr(scope);
                    depth--;
                    if (Current.Kind != LexKind.RParen)
                    {
                        throw new QueryParseException("')'", Current.Kind == LexKind.End ? length + 1 : Current.Position);
                    }

                    index++;
                    return inner;
                case LexKind.Phrase:
                    index++;
                    return Phrase(lexeme.Text, lexeme.Number, lexeme.Position, scope);
                case LexKind.Word:
                    index++;
                    return Word(lexeme.Text, lexeme.Position, scope);
                default:
                    throw new QueryParseException("a term, phrase or '('", lexeme.Position);
            }
        }

        private static bool IsPlaceField(Lexeme lexeme) => IsField(lexeme, "place");

        private static bool IsField(Lexeme lexeme, string field) =>
            lexeme.Kind == LexKind.Field && lexeme.Text.Equals(field, StringComparison.OrdinalIgnoreCase);

        // category:Sports, category:"Sci/Tech": the section the source filed the story under, written as it writes it;
        // category:(Sports OR Business) is any of them, as title:(...) takes a list (a writer asked for it).
        private QueryNode Category()
        {
            if (Current.Kind != LexKind.LParen)
            {
                return OneCategory();
            }

            var open = Current.Position;
            index++;
            List<QueryNode> sections = [OneCategory()];
            while (Current.Kind == LexKind.Or)
            {
                index++;
                sections.Add(OneCategory());
            }

            if (Current.Kind != LexKind.RParen)
            {
                throw new QueryParseException($"')' to close the list of sections opened at position {open} (category:(Sports OR Business): sections joined by OR)", Current.Kind == LexKind.End ? length + 1 : Current.Position);
            }

            index++;
            return sections.Count == 1 ? sections[0] : new OrNode(sections);
        }

        private CategoryNode OneCategory()
        {
            var name = Current;
            if (name.Kind is not (LexKind.Word or LexKind.Phrase) || name.Number > 0 || CategoryNode.WordsOf(name.Text).Length == 0)
            {
                throw new QueryParseException("a section's name after 'category:' (category:Sports, category:\"Sci/Tech\")", name.Position);
            }

            index++;
            return new CategoryNode(name.Text);
        }

        // place:Massachusetts, place:"West Africa": a place the recogniser knows, named as the places constraint names it.
        private PlaceNode Place(FieldScope scope)
        {
            var name = Current;
            if (name.Kind is not (LexKind.Word or LexKind.Phrase) || name.Number > 0)
            {
                throw new QueryParseException("a place after 'place:' (place:Ohio, place:\"West Africa\")", name.Position);
            }

            index++;
            try
            {
                return new PlaceNode(name.Text, scope);
            }
            catch (ArgumentException)
            {
                var suggestions = Gazetteer.Default.Suggest(name.Text).Where(s => PlaceSet.IsKnown(s, Gazetteer.Default)).ToList();
                var twoWords = name.Kind == LexKind.Word && Current.Kind == LexKind.Word ? $"{name.Text} {Current.Text}" : null;
                var hint = twoWords is not null && PlaceSet.IsKnown(twoWords, Gazetteer.Default)
                    ? $"; a name of several words goes in quotes: place:\"{twoWords}\""
                    : suggestions.Count > 0 ? "; did you mean " + string.Join(" or ", suggestions.Select(s => $"'{s}'")) + "?" : string.Empty;
                throw new QueryParseException($"{PlaceSet.KnownKinds} after 'place:' (unknown place '{name.Text}'{hint})", name.Position);
            }
        }

        private QueryNode? Phrase(string text, int slop, int position, FieldScope scope, bool isOtherSpelling = false, bool ampersandSpelled = false)
        {
            // A '*' ending a word inside quotes would be dropped silently, and "gay marri*" would then never match
            // "gay marriage". One inside a word is part of a name ("E*Trade").
            if (StarEndingAWord(text) is >= 0 and var star)
            {
                throw new QueryParseException("a phrase without '*' (its words already find their endings: \"air strike\" finds \"air strikes\"; for the start of a word use NEAR: gay NEAR/1 marri*)", position + 1 + star);
            }

            var analyzed = TextAnalyzer.Analyze(text);
            var tokens = analyzed.Where(t => !t.IsStopWord).ToList();
            // "Serie A", "hepatitis A": a capital A closing a phrase is a letter of the name, not an article to pass over.
            // (Right after the last word: in "X of A" the A could never follow X.)
            var trimmed = text.TrimEnd();
            var endsWithCapitalA = tokens.Count > 0 && analyzed.Count > 1 && analyzed[^1] is { IsStopWord: true, Surface: "a" } && !analyzed[^2].IsStopWord
                && (trimmed.EndsWith(" A", StringComparison.Ordinal) || trimmed.EndsWith("-A", StringComparison.Ordinal));
            if (tokens.Count == 0 && slop == 0 && Acronym(text, scope) is { } acronym)
            {
                return acronym;
            }

            if (tokens.Count == 0)
            {
                throw new QueryParseException("searchable words inside the phrase", position);
            }

            var normalized = TextAnalyzer.Normalize(text);
            var stopWords = slop == 0 ? StopWordsAsked(normalized, analyzed, tokens[0].Position, endsWithCapitalA) : [];
            if (tokens.Count == 1 && slop == 0 && !endsWithCapitalA && stopWords.Length == 0)
            {
                // One word in quotes is asked for as written: no other spelling ("U.S." alone, as search engines do).
                return Term(tokens[0], "\"" + text + "\"", scope, isOtherSpelling);
            }

            var phrase = new PhraseNode(
                tokens.Select(t => t.Stem).ToArray(),
                tokens.Select(t => t.Position - tokens[0].Position).ToArray(),
                slop,
                text,
                scope,
                endsWithCapitalA ? tokens[^1].Surface : null,
                stopWords,
                AmpersandsAfter(normalized, tokens))
            {
                SkipsMiddleInitial = tokens.Count == 2 && IsPersonsName(text, slop, stopWords, endsWithCapitalA),
            };

            // "US Open" finds "U.S. Open" too, "U.N. Security Council" "UN Security Council"; but "U.S. Open" not "US
            // Open", as phrases have no acronyms ("help us open").
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var otherWords = words.Select(w => OtherSpellingOfInitials(w) is { } other && !IsEverydayWordInCapitals(other) ? other : w).ToArray();
            QueryNode withInitials = isOtherSpelling || otherWords.SequenceEqual(words) || Phrase(string.Join(' ', otherWords), slop, position, scope, isOtherSpelling: true) is not PhraseNode other
                ? phrase
                : new OrNode([phrase, other]);
            // One word in quotes, even with a distance, is asked for as written.
            return tokens.Count == 1
                ? withInitials
                : WithInitialSpellings(
                    WithDateSpellings(
                        WithNameSpellings(WithAmpersandSpellings(WithClosedCompound(withInitials, words, slop, stopWords, scope, isOtherSpelling), text, slop, position, scope, ampersandSpelled), text, isOtherSpelling, other => Phrase(other, slop, position, scope, isOtherSpelling: true)),
                        text,
                        isOtherSpelling || slop > 0,
                        other => Phrase(other, slop, position, scope, isOtherSpelling: true)),
                    text,
                    isOtherSpelling || slop > 0,
                    other => Word(other, position, scope, isNameSpelling: true));
        }

        // "N.Korea" finds "N. Korea" and "N Korea", and they find it: the press abbreviates a name's first word to its
        // initial with or without the space, and the analyser reads "N.Korea" as one word, "N. Korea" as two.
        private static QueryNode WithInitialSpellings(QueryNode written, string text, bool isSpellingAlready, Func<string, QueryNode?> parse) =>
            isSpellingAlready || InitialSpelling(Bare(text)) is not { } other ? written : WithOtherSpellings(written, [parse(other)]);

        // The other way of writing a name's initial and its next word: "N Korea" for "N.Korea", "N.Korea" for "N. Korea"
        // or "N Korea"; null for anything else.
        private static string? InitialSpelling(string written)
        {
            var match = InitialAndName().Match(written);
            // Not "A.Team" or "I.Robot" (the article and the pronoun: "A Team" would be any "team"), nor "N.In".
            return !match.Success || match.Groups["initial"].Value is "A" or "I" || TextAnalyzer.IsStopWord(match.Groups["name"].Value.ToLowerInvariant()) ? null
                : match.Groups["dot"].Value == "." && match.Groups["space"].Length == 0 ? $"{match.Groups["initial"].Value} {match.Groups["name"].Value}"
                : $"{match.Groups["initial"].Value}.{match.Groups["name"].Value}";
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^(?<initial>[A-Z])(?<dot>\.?)(?<space> ?)(?<name>[A-Z][a-z]+)$")]
        private static partial System.Text.RegularExpressions.Regex InitialAndName();

        // "September 11" finds "Sept. 11" and "11 September", "9/11" finds both (see DateSpelling); shown as written.
        private static QueryNode WithDateSpellings(QueryNode written, string text, bool isSpellingAlready, Func<string, QueryNode?> parse) =>
            isSpellingAlready ? written : WithOtherSpellings(written, DateSpelling.Others(text).Select(parse));

        // "Colin Powell", "George Bush": two words with capitals, the first a given name, nothing else in the quotes
        // (a hyphenated family name is more words: "Anna Smith-Jones" is not "Anna B. Smith").
        private static bool IsPersonsName(string text, int slop, PhraseStopWord[] stopWords, bool endsWithCapitalA) =>
            slop == 0 && stopWords.Length == 0 && !endsWithCapitalA
            && text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var given, var family]
            && given.All(char.IsLetter) && family.Length > 1 && char.IsUpper(family[0]) && family.Skip(1).Any(char.IsLower)
            && PersonNames.IsGivenName(given);

        // "air strike" finds "airstrike", "heat wave" "heatwave": the press closes two-word compounds as often as it
        // hyphens them, and a hyphenated one is already read both ways (see JoinedTerm). Not a name ("White House" is
        // not Senator Whitehouse), and not a verb and its particle ("turn out" is not "turnout", "make up" not
        // "makeup"); the closed word is an everyday word, never one of the query's names.
        private QueryNode WithClosedCompound(QueryNode written, string[] words, int slop, PhraseStopWord[] stopWords, FieldScope scope, bool isOtherSpelling)
        {
            if (words is not [var left, var right] || slop > 0 || stopWords.Length > 0 || isOtherSpelling
                || (char.IsUpper(left[0]) && char.IsUpper(right[0])) || Particles.Contains(right.ToLowerInvariant()))
            {
                return written;
            }

            return ClosedWord(left.ToLowerInvariant(), right.ToLowerInvariant()) is { } closed
                ? WithOtherSpellings(written, [new TermNode(closed.Stem, closed.Surface, scope, isOtherSpelling: true)])
                : written;
        }

        // The one word two parts make together ("cease" and "fire": ceasefire), as the analyser reads it, or null.
        private static AnalyzedToken? ClosedWord(string left, string right) =>
            TextAnalyzer.IsCompound(left, right) && TextAnalyzer.Analyze(left + right) is [var joined] ? joined : null;

        // Words that make a verb's phrase ("turn out", "set up"), whose closed form is another word ("turnout", "setup").
        private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
        {
            "out", "up", "off", "over", "down", "back", "away", "through", "about", "along", "around", "on", "in",
        };

        // "Procter and Gamble" finds "Procter & Gamble" and the other way round, every "and" of a phrase either way
        // ("Procter & Gamble and Colgate"): the press writes a name's "and" both ways. Name spellings get theirs too.
        private QueryNode WithAmpersandSpellings(QueryNode written, string text, int slop, int position, FieldScope scope, bool ampersandSpelled) =>
            ampersandSpelled || slop > 0
                ? written
                : WithOtherSpellings(written, AmpersandSpelling.Others(text).Select(other => Phrase(other, slop, position, scope, isOtherSpelling: true, ampersandSpelled: true)));

        // The words of a phrase an ampersand follows ("Procter & Gamble": the first), as indexes among its searchable
        // words; where a stop word stands beside the ampersand it is asked for as it stands, and the ampersand is not.
        // (normalized: the phrase as the analyser read it, which the words' offsets refer to).
        private static int[] AmpersandsAfter(string normalized, List<AnalyzedToken> words) =>
            Enumerable.Range(0, words.Count - 1)
                .Where(k => words[k + 1].Position == words[k].Position + 1 && normalized.AsSpan(words[k].End, words[k + 1].Start - words[k].End).Contains('&'))
                .ToArray();

        // The stop words of a phrase that carry its sense, where they stand relative to its first searchable word:
        // "will pay", "fired on", "not guilty", "Bank of England"; one written in capitals is an acronym and is asked
        // for so ("IT jobs"). An article is the writer's English, not the phrase: inside it, its place is kept for an
        // article, determiner, possessive or number ("secure the airport" finds "secure an airport" and "secure its
        // airport", "in the game" "in Sunday's game", while "in a row" is not "in Aragones row"), and at either end none
        // is needed ("the Hague"); nor is a closing capital A, a letter of the name ("Serie A").
        // (normalized: the phrase as the analyser read it, which the tokens' offsets refer to).
        private PhraseStopWord[] StopWordsAsked(string normalized, List<AnalyzedToken> analyzed, int firstWordPosition, bool endsWithCapitalA)
        {
            var asked = analyzed.Take(endsWithCapitalA ? analyzed.Count - 1 : analyzed.Count).ToList();
            var words = asked.Where(t => !IsArticle(t)).Select(t => t.Position).DefaultIfEmpty(firstWordPosition).ToList();
            var (first, last) = (words.Min(), words.Max());
            return [.. asked
                .Where(t => t.IsStopWord && !(IsArticle(t) && (t.Position < first || t.Position > last)))
                .Select(t => IsArticle(t)
                    ? PhraseStopWord.Determiner(t.Position - firstWordPosition, t.Surface)
                    : new PhraseStopWord(t.Position - firstWordPosition, t.Surface, !typedInCapitals && IsWrittenInCapitals(normalized[t.Start..t.End])))];
        }

        private static bool IsArticle(AnalyzedToken token) => token.Surface is "a" or "an" or "the";

        // A name: written with a capital and then a lower-case letter ("Mars", "McLaren", "Żółkiewski"), and not an
        // ordinary English word that happens to be capitalised ("Games", "Deploy" at the start of a query). An acronym:
        // an ordinary word in capitals ("AIDS"). Other words in capitals ("NATO", "SUVs", a query typed with caps
        // lock) are matched like any other word.
        private TermNode Term(AnalyzedToken word, string text, FieldScope scope, bool isOtherSpelling = false, bool isNameSpelling = false)
        {
            var bare = Bare(text);
            var written = WithoutPossessive(bare);
            if (!typedInCapitals && IsAcronym(written, word.Surface))
            {
                return new TermNode(word.Stem, text, scope, acronym: word.Surface, isOtherSpelling: isOtherSpelling);
            }

            var isName = IsWrittenAsName(text) && !OrdinaryWords.Contains(word.Surface);
            var (capitalsForms, capitalsSingular) = typedInCapitals ? default : FormsOfCapitals(written, word.Surface);
            var capitalsOnly = capitalsForms is not null && IsWrittenInCapitals(written) && written.Length <= MaxInitialsLength;
            // "\"Denny's\"": a name quoted with its "'s" is asked for as written, a company's that the article writes so too;
            // so is an everyday word written so ("\"Moody's\"", "\"Target's\""), which then needs its capital too ("moody" and
            // "the target's value" are not the company), though not a plural's ("\"Women's\"" is everyone's women's
            // events). Unquoted, the "'s" is grammar: Microsoft's finds Microsoft.
            var withPossessive = (isName || !PluralsWithoutS.Contains(word.Surface)) && IsWrittenAsName(text) && !isNameSpelling
                && text.StartsWith('"') && written.Length < bare.Length;
            return new TermNode(word.Stem, WrittenBack(text), scope, isName ? TermNode.FormsOfName(word.Surface) : null, isOtherSpelling: isOtherSpelling || isNameSpelling, needsCapital: isNameSpelling,
                capitalsForms: capitalsForms, capitalsSingular: capitalsSingular, needsPossessive: withPossessive, capitalsOnly: capitalsOnly)
            {
                // "IRA", initials the article may write "Ira", is not Ira Newble.
                PassesOverGivenNames = capitalsOnly,
                NameItself = isName ? word.Surface : null,
                NeedsLettersInCapitals = !typedInCapitals && IsDigitsThenCapitals(written),
            };
        }

        // English plurals that take "'s" ("women's", "children's"): their possessive is no company's name.
        private static readonly HashSet<string> PluralsWithoutS = new(StringComparer.Ordinal) { "women", "men", "children", "people", "police" };

        // Initials of up to three letters in lower case are other words ("au", "un", "eds"); longer ones are written as
        // words too ("Nato", "Opec").
        private const int MaxInitialsLength = 3;

        // "OLED", "NATO" and their plurals "OLEDs", "SUVs": the forms a word in capitals matches (see TermNode.CapitalsForms),
        // and for one of four letters or more ending in a capital S ("SUVS", "SARS") its singular in capitals. Not everyday words or their
        // regular forms typed in capitals ("KILLED", "ELECTIONS"), which keep all their endings.
        private static (IReadOnlySet<string>? Forms, string? Singular) FormsOfCapitals(string written, string folded)
        {
            if (OrdinaryWords.Contains(folded) || IsFormOfEverydayWord(folded))
            {
                return default;
            }

            if (IsWrittenInCapitals(written))
            {
                var forms = new HashSet<string>(TermNode.FormsOfName(folded), StringComparer.Ordinal);
                // Three letters at least: "NHS", "INS" and "DHS" are no plurals of "NH", "IN" and "DH".
                var singular = written.Length >= 4 && written[^1] == 'S' ? folded[..^1] : null;
                if (singular is not null)
                {
                    forms.Add(singular);
                }

                return (forms, singular);
            }

            return written.Length > 2 && written[^1] == 's' && IsWrittenInCapitals(written[..^1])
                ? (TermNode.FormsOfName(folded[..^1]), null)
                : default;
        }

        // Typed with caps lock, a word's capitals say nothing, so it is written back in lower case: "WAR IN IRAQ" as
        // "war iraq", which parses back to the same query ("WAR IRAQ" would read WAR as an acronym). Initials keep
        // their dots and capitals ("U.S.").
        private string WrittenBack(string text) =>
            typedInCapitals && !text.Contains('.', StringComparison.Ordinal) ? text.ToLowerInvariant() : text;

        // "US" and "U.S.", "UN" and "U.N.": the press writes initials both ways, so either finds both.
        private QueryNode WithOtherSpelling(TermNode term, string text, FieldScope scope)
        {
            // Typed with caps lock, "GAS" is no initials; "U.S." still is.
            if ((typedInCapitals && !Bare(text).Contains('.')) || OtherSpellingOfInitials(Bare(text)) is not { } other
                || TextAnalyzer.Analyze(other) is not [var token]
                || token.Stem == term.Stem)
            {
                return term;
            }

            // "US" for "U.S.": the dots said these are initials, so the other spelling is an acronym however the query
            // is typed ("U.S. TROOPS" must not find "told us").
            var alternative = !other.Contains('.') && IsAcronym(other, token.Surface)
                ? new TermNode(token.Stem, other, scope, acronym: token.Surface, isOtherSpelling: true)
                : Term(token, other, scope, isOtherSpelling: true);
            return new OrNode([term, alternative]);
        }

        // "senator" finds "Sen. John Kerry", "general" "Lt. Gen. Sanchez": the press abbreviates an office or a rank before
        // a name. Not for a word typed in capitals (an acronym); a quoted word or a `#` word never comes this way.
        private static QueryNode WithTitleAbbreviations(QueryNode written, AnalyzedToken word, FieldScope scope) =>
            TitleAbbreviations.Of(word.Surface) is not { } abbreviations || written is TermNode { Acronym: not null } or TermNode { CapitalsForms: not null }
                ? written
                : WithOtherSpellings(written, abbreviations.Stems.Select(stem => new TermNode(stem, abbreviations.Shown, scope, isOtherSpelling: true) { OnlyBeforeName = true }));

        // A stop word written as an acronym ("IT"): stop words are never searched for otherwise.
        private TermNode? Acronym(string text, FieldScope scope)
        {
            var tokens = TextAnalyzer.Analyze(text);
            return !typedInCapitals && tokens is [{ IsStopWord: true } only] && IsAcronym(Bare(text), only.Surface)
                ? new TermNode(only.Stem, text, scope, acronym: only.Surface)
                : null;
        }

        private static int StarEndingAWord(string text)
        {
            for (var i = text.IndexOf('*', StringComparison.Ordinal); i >= 0; i = text.IndexOf('*', i + 1))
            {
                if (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]))
                {
                    return i;
                }
            }

            return -1;
        }

        // "re-examin*": the press writes the compound with and without its hyphen, so the prefix is looked for both
        // ways: joined ("reexamination") and as its first parts right before a word starting with the last
        // ("re-examined").
        private QueryNode HyphenatedPrefix(string written, List<AnalyzedToken> tokens, int position, FieldScope scope)
        {
            var parts = written[..written.LastIndexOf('-')];
            if (parts.Contains('*', StringComparison.Ordinal))
            {
                throw new QueryParseException("'*' only at the end of a word", position + parts.IndexOf('*', StringComparison.Ordinal));
            }

            var firstParts = Word(parts, position, scope)
                ?? throw new QueryParseException("a single word of at least 2 letters before '*'", position);
            return new OrNode(
                [new PrefixNode(string.Concat(tokens.Select(t => t.Surface)), scope), new NearNode(firstParts, new PrefixNode(tokens[^1].Surface, scope), 0, inOrder: true)],
                shownAs: (scope == FieldScope.Title ? "title:" : string.Empty) + written + "*");
        }

        private QueryNode? Word(string text, int position, FieldScope scope, bool isNameSpelling = false)
        {
            if (text[0] == '#')
            {
                return ExactForm(text, position, scope);
            }

            if (text.EndsWith('*'))
            {
                var stem = text.TrimEnd('*');
                var tokens = TextAnalyzer.Analyze(stem);
                if (tokens.Count > 1 && stem.Contains('-', StringComparison.Ordinal) && tokens.All(t => !t.IsStopWord) && tokens[^1].Surface.Length >= 2)
                {
                    return HyphenatedPrefix(stem, tokens, position, scope);
                }

                // "break-in*": a compound with a small word in it is that compound alone, which already finds its
                // endings ("break-ins", "breakin"); as a prefix its joined letters would find "breaking".
                if (tokens.Count > 1 && stem.Contains('-', StringComparison.Ordinal) && tokens.Any(t => t.IsStopWord) && !stem.EndsWith('-'))
                {
                    return Word(stem, position, scope);
                }

                if (tokens.Count != 1 || tokens[0].Surface.Length < 2)
                {
                    throw new QueryParseException("a single word of at least 2 letters before '*'", position);
                }

                return new PrefixNode(tokens[0].Surface, scope);
            }

            if (text.Contains('*', StringComparison.Ordinal))
            {
                throw new QueryParseException("'*' only at the end of a word", position + text.IndexOf('*', StringComparison.Ordinal));
            }

            var analyzed = TextAnalyzer.Analyze(text);
            var words = analyzed.Where(t => !t.IsStopWord).ToList();
            QueryNode? node = words.Count switch
            {
                // A bare stop word ("the") can never be required: it is dropped, like search engines do; written as
                // an acronym ("IT") it is a word.
                0 => Acronym(text, scope),
                1 => WithTitleAbbreviations(WithOtherSpelling(Term(words[0], text, scope, isNameSpelling: isNameSpelling), text, scope), words[0], scope),

                // "al-Qaeda", "U.N.-backed": one written word, several tokens, matched as a phrase.
                _ => new PhraseNode(
                    words.Select(t => t.Stem).ToArray(),
                    words.Select(t => t.Position - words[0].Position).ToArray(),
                    0,
                    text,
                    scope,
                    stopWords: StopWordsAsked(TextAnalyzer.Normalize(text), analyzed, words[0].Position, endsWithCapitalA: false)),
            };
            // "in-house", "no-fly": without its stop word the phrase would be "house" or "fly"; the compound is the word.
            if (analyzed.Any(t => t.IsStopWord) && JoinedTerm(text, scope, isOtherSpelling: false) is { } compound)
            {
                return compound;
            }

            return node is null
                ? null
                : WithInitialSpellings(
                    WithDateSpellings(
                        WithNameSpellings(WithJoinedSpelling(node, text, scope), text, isNameSpelling, other => Word(other, position, scope, isNameSpelling: true)),
                        text,
                        isNameSpelling,
                        other => Phrase(other, 0, position, scope, isOtherSpelling: true)),
                    text,
                    isNameSpelling,
                    other => Phrase(other, 0, position, scope, isOtherSpelling: true));
        }

        // "#Angels": the word in this form only, in any case (a legal database's '#', which turns plurals off): a team
        // named by an everyday plural is not its singular ("Angel Berroa", "Senator Kerry", "Hurricane Ivan"), and no
        // rule could tell it from an everyday word written with a capital ("Trains", "Liberals", "Poles" keep theirs).
        // A word in capitals keeps its own rules ("#US" is the acronym US, not "told us"): they already match one form.
        private QueryNode ExactForm(string text, int position, FieldScope scope)
        {
            var word = text[1..];
            if (word.Length == 0 || !char.IsLetterOrDigit(word[0]))
            {
                throw new QueryParseException("a word right after '#' (#Angels)", position + 1);
            }

            if (!typedInCapitals && IsWrittenInCapitals(word) && Word(word, position + 1, scope) is { } inCapitals)
            {
                return inCapitals;
            }

            var tokens = word.Contains('*', StringComparison.Ordinal) || word.Contains('-', StringComparison.Ordinal) ? [] : TextAnalyzer.Analyze(word);
            if (tokens.Count != 1)
            {
                throw new QueryParseException("one word after '#', without '*' or '-' (it finds that word as written, without other endings)", position + 1);
            }

            if (tokens[0].IsStopWord)
            {
                throw new QueryParseException($"a word that is searched for after '#' ('{word}' is too common to search for)", position + 1);
            }

            return new TermNode(tokens[0].Stem, text, scope, nameForms: new HashSet<string>(StringComparer.Ordinal) { tokens[0].Surface });
        }

        // "Barghouti" finds "Barghuti", "al-Qaeda" "al-Qaida" (see NameSpellings); shown to the user as written.
        private QueryNode WithNameSpellings(QueryNode written, string text, bool isSpellingAlready, Func<string, QueryNode?> parse)
        {
            if (isSpellingAlready || typedInCapitals)
            {
                return written;
            }

            return WithOtherSpellings(written, NameSpellings.InText(text).Select(parse));
        }

        // The query as written, or it and its other spellings, shown as written.
        private static QueryNode WithOtherSpellings(QueryNode written, IEnumerable<QueryNode?> spellings)
        {
            var others = spellings.OfType<QueryNode>().ToList();
            return others.Count == 0 ? written : new OrNode([written, .. others], shownAs: written.ToString());
        }

        // "cease-fire" finds "ceasefire" too (the article's "cease-fire" is also read as "ceasefire", so a query
        // written either way finds both).
        private QueryNode WithJoinedSpelling(QueryNode written, string text, FieldScope scope) =>
            JoinedTerm(text, scope, isOtherSpelling: true) is { } joined ? new OrNode([written, joined]) : written;

        // The word two hyphenated parts make together ("cease-fire" as ceasefire), or null.
        private TermNode? JoinedTerm(string text, FieldScope scope, bool isOtherSpelling)
        {
            var parts = Bare(text).Split('-');
            return parts is [var left, var right] && ClosedWord(left, right) is { } joined
                ? Term(joined, left + right, scope, isOtherSpelling)
                : null;
        }
    }
}
