namespace Alerts.Core.Text;

/// <summary>Which part of an article a token came from.</summary>
public enum DocumentField
{
    /// <summary>The headline.</summary>
    Title,

    /// <summary>Summary and content.</summary>
    Body,
}

/// <summary>
/// An article's title and body analysed once, with a position index of stems, so every topic can be verified
/// against it without re-reading the text. Title positions come first; body positions start far enough after
/// them that phrases and proximity never bridge the two.
/// </summary>
public sealed class AnalyzedDocument
{
    private const int FieldGap = 1_000;

    private readonly Dictionary<string, List<int>> positionsByStem = new(StringComparer.Ordinal);

    // Whether the title and the body have any capital letter (any lower-case letter), once asked.
    private bool? titleHasCapitals;
    private bool? bodyHasCapitals;
    private bool? titleHasLowerCase;
    private bool? bodyHasLowerCase;

    private int? leadSentenceEnd;

    // Where the dash closing the body's dateline stands, or -1; once asked.
    private int? datelineDash;

    // Where the headline's closing credit opens ("(Canadian Press)"), or -1.
    private readonly int headlineCreditStart;

    // Compounds written with a hyphen, by the position of their first part; null when the text has none.
    private readonly Dictionary<int, JoinedWord>? joinedWords;

    private IReadOnlyList<string[]>? categoryWords;

    /// <summary>
    /// The sections the source filed the article under (a feed's categories), as written; empty when it gave none.
    /// Not part of the text: only <c>category:</c> reads them.
    /// </summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The stems of each category's words, in order (see <see cref="Topics.Query.CategoryNode"/>), read once.</summary>
    public IReadOnlyList<string[]> CategoryWords => categoryWords ??= [.. Categories.Select(Topics.Query.CategoryNode.WordsOf)];

    /// <summary>Analyses a title and a plain-text body.</summary>
    public AnalyzedDocument(string? title, string? body)
    {
        // A headline that is only the page's furniture ("Email this to a friend Print this story") is no title.
        var headline = TextAnalyzer.Normalize(title ?? string.Empty);
        Title = PageFurniture.IsAllOf(headline) ? string.Empty : headline;
        Body = TextAnalyzer.Normalize(body ?? string.Empty);
        var tokens = new List<AnalyzedToken>(64);
        var next = TextAnalyzer.AnalyzeNormalized(Title, 0, tokens);
        TitleTokenCount = tokens.Count;
        BodyStartPosition = next + FieldGap;
        TextAnalyzer.AnalyzeNormalized(Body, BodyStartPosition, tokens);
        Tokens = tokens;
        headlineCreditStart = HeadlineCredit.StartIn(Title);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (IsInHeadlineCredit(token))
            {
                continue;
            }

            if (i > 0 && JoinedByHyphen(tokens[i - 1], token) is { } joined)
            {
                // "cease-fire" is also "ceasefire", "plug-in" "plugin": the press writes compounds both ways.
                (joinedWords ??= [])[tokens[i - 1].Position] = new JoinedWord(joined, token.Position);
                AddStem(TextAnalyzer.Stem(joined), tokens[i - 1].Position);
            }

            // Stop words are not looked up, except one written as an acronym ("IT"), which a query can ask for.
            if ((token.IsStopWord && !IsWrittenInCapitals(token)) || IsMarketOfTickerTag(token))
            {
                continue;
            }

            AddStem(token.Stem, token.Position);
        }
    }

    // A derivation kept apart from its base ("renewable") is found by its own stem and by its base's ("renew"); a
    // doer of an -ate family ("legislators") by the family's ("legislation") and the root's too.
    private void AddStem(string stem, int position)
    {
        AddPosition(stem, position);
        foreach (var derivedFrom in TextAnalyzer.BasesOf(stem))
        {
            AddPosition(derivedFrom, position);
        }
    }

    private void AddPosition(string stem, int position)
    {
        if (!positionsByStem.TryGetValue(stem, out var list))
        {
            positionsByStem[stem] = list = new List<int>(2);
        }

        if (list.Count == 0 || list[^1] < position)
        {
            list.Add(position);
        }
    }

    // "Oracle (Nasdaq: ORCL) has revamped...", "(NYSE: IBM - News)", "(Nasdaq: DELL; NYSE: DLL)": a ticker tag in
    // brackets says where a company's shares trade, which the story is not about; a topic on the exchange or on
    // listings asks for the market where it is news ("NASDAQ: STOCKS CLOSE HIGHER" is). The ticker stays a word
    // ("MSFT" finds the tag).
    private bool IsMarketOfTickerTag(AnalyzedToken token)
    {
        if (token.Surface.Length is < 3 or > 6 || !StockMarkets.Contains(token.Surface))
        {
            return false;
        }

        var text = TextOf(token);
        var before = text.AsSpan(0, token.Start).TrimEnd(' ');
        if (before.Length == 0 || before[^1] is not ('(' or ';'))
        {
            return false;
        }

        var after = text.AsSpan(token.End).TrimStart(' ');
        if (after.Length < 2 || after[0] != ':')
        {
            return false;
        }

        var ticker = after[1..].TrimStart(' ');
        var end = ticker.IndexOfAnyExcept(TickerCharacters);
        return end != 0 && ticker.Length > 0 && (end < 0 || !char.IsLower(ticker[end]));
    }

    private static readonly HashSet<string> StockMarkets = new(StringComparer.Ordinal) { "nyse", "nasdaq", "amex", "asx", "lse", "tsx", "tse", "otc", "otcbb" };

    private static readonly System.Buffers.SearchValues<char> TickerCharacters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.");

    // Two words with only a hyphen between them, in the same field: the word they make together.
    private string? JoinedByHyphen(AnalyzedToken left, AnalyzedToken right) =>
        AreHyphenated(left, right) && TextAnalyzer.IsCompound(left.Surface, right.Surface) ? left.Surface + right.Surface : null;

    // Whether only a hyphen stands between two words of the same field ("cease-fire", "Port-au-Prince").
    private bool AreHyphenated(AnalyzedToken left, AnalyzedToken right) =>
        right.Start == left.End + 1 && IsTitle(left.Position) == IsTitle(right.Position) && TextOf(left)[left.End] == '-';

    /// <summary>A compound written with a hyphen, read as one word: its folded letters and the position of its last part.</summary>
    public readonly record struct JoinedWord(string Surface, int LastPosition);

    /// <summary>The compound written with a hyphen that starts at a position ("cease-fire"), if any.</summary>
    public JoinedWord? JoinedWordAt(int position) =>
        joinedWords is not null && joinedWords.TryGetValue(position, out var joined) ? joined : null;

    /// <summary>
    /// Whether a token is part of the source's credit that closes the headline ("Oil prices rise (Reuters)"): it names who
    /// sent the story, so no word of a query finds it (see <see cref="HeadlineCredit"/>).
    /// </summary>
    public bool IsInHeadlineCredit(AnalyzedToken token) =>
        headlineCreditStart >= 0 && IsTitle(token.Position) && token.Start > headlineCreditStart;

    /// <summary>The normalised title text (token offsets of title tokens refer to it).</summary>
    public string Title { get; }

    /// <summary>The normalised body text (token offsets of body tokens refer to it).</summary>
    public string Body { get; }

    /// <summary>All tokens, title first.</summary>
    public IReadOnlyList<AnalyzedToken> Tokens { get; }

    /// <summary>Number of title tokens at the start of <see cref="Tokens"/>.</summary>
    public int TitleTokenCount { get; }

    /// <summary>First position of the body.</summary>
    public int BodyStartPosition { get; }

    /// <summary>
    /// Distinct indexed stems: no stop words unless written in capitals ("IT"); compounds written with a hyphen also
    /// joined ("cease-fire" as "ceasefir"); a derivation kept apart from its base also under the base ("renewable" as
    /// "renew~able" and "renew").
    /// </summary>
    public IEnumerable<string> Stems => positionsByStem.Keys;

    /// <summary>Positions of a stem, ascending; empty when absent.</summary>
    public IReadOnlyList<int> PositionsOf(string stem) =>
        positionsByStem.TryGetValue(stem, out var list) ? list : [];

    /// <summary>Whether a position lies in the title.</summary>
    public bool IsTitle(int position) => position < BodyStartPosition;

    /// <summary>The text a token's offsets refer to: the headline's or the body's.</summary>
    public string TextOf(AnalyzedToken token) => IsTitle(token.Position) ? Title : Body;

    /// <summary>A token as the article writes it (its case, its possessive).</summary>
    public ReadOnlySpan<char> WrittenForm(AnalyzedToken token) => TextOf(token).AsSpan(token.Start, token.End - token.Start);

    /// <summary>
    /// Where the body's first sentence ends (a character offset in <see cref="Body"/>): a full stop followed by a space
    /// and a capital, unless it closes an abbreviation ("U.S.", "Calif."); the body's length when there is none.
    /// </summary>
    public int LeadSentenceEnd => leadSentenceEnd ??= FindLeadSentenceEnd(Body);

    /// <summary>Whether the word at a position is in the body's first sentence, where a news story tells its event.</summary>
    public bool IsInLeadSentence(int position) =>
        !IsTitle(position) && TokenAt(position) is { } token && token.Start < LeadSentenceEnd;

    /// <summary>
    /// Whether the name at a token index is the first word of a competition's name in the body: a capitalised word for
    /// a competition right after it ("the Nextel Cup season", "the Chrysler Classic", "the BMW Open"). Sport takes its
    /// sponsors' names, and such a mention says nothing of the company. Headlines capitalise every word ("Putin Open
    /// to Talks", "Chelsea Cup Hopes Fade") and a possessive owns what follows ("Mickelson's Masters victory"), so
    /// neither is read so. Grounds are left out: "Fenway Park" is the Red Sox's.
    /// </summary>
    public bool NamesACompetitionAfter(int index)
    {
        if (index < 0 || index + 1 >= Tokens.Count)
        {
            return false;
        }

        var (token, next) = (Tokens[index], Tokens[index + 1]);
        return !IsTitle(token.Position) && !IsTitle(next.Position) && IsCompetitionWord(next.Surface)
            && char.IsUpper(Body[next.Start]) && Body.AsSpan(token.End, next.Start - token.End) is " "
            && !IsPossessive(token);
    }

    /// <summary>
    /// Whether the word at a position is a middle initial: a capital letter and a full stop, or two run together
    /// ("Colin L. Powell", "George H.W. Bush"), with only spaces between it and the words either side ("Washington,
    /// D.C., National Geographic" is a place's name in a list, not a person's initials).
    /// </summary>
    public bool IsInitialAt(int position)
    {
        var index = TokenIndexAt(position);
        if (index <= 0 || index + 1 >= Tokens.Count || IsTitle(Tokens[index - 1].Position) != IsTitle(position)
            || IsTitle(Tokens[index + 1].Position) != IsTitle(position))
        {
            return false;
        }

        var (before, token, after) = (Tokens[index - 1], Tokens[index], Tokens[index + 1]);
        var text = TextOf(token);
        var end = token.End < text.Length && text[token.End] == '.' ? token.End + 1 : token.End;
        var written = text.AsSpan(token.Start, end - token.Start);
        return written is [_, '.'] or [_, '.', _, '.'] && char.IsAsciiLetterUpper(written[0]) && char.IsAsciiLetterUpper(written[^2])
            && IsSpaceOnly(text, before.End, token.Start) && IsSpaceOnly(text, end, after.Start);
    }

    private static bool IsSpaceOnly(string text, int from, int to) =>
        to > from && !text.AsSpan(from, to - from).ContainsAnyExcept(' ');

    /// <summary>
    /// Whether the word at a position is written as <paramref name="word"/> (folded) and followed by the letter A written
    /// as a capital, with spaces or a hyphen between and after it only a possessive, punctuation closing a clause or
    /// nothing: "Serie A", "Serie A's", "Triple-A", "hepatitis A." (not "the World Series. A fan...", "Serie a",
    /// "Series AB", "Texas A&amp;M", nor across a line break).
    /// </summary>
    public bool IsFollowedByCapitalA(int position, string word)
    {
        var index = TokenIndexAt(position);
        if (index < 0 || index + 1 >= Tokens.Count)
        {
            return false;
        }

        var (token, next) = (Tokens[index], Tokens[index + 1]);
        if (token.Surface != word || next.Position != token.Position + 1 || IsTitle(next.Position) != IsTitle(token.Position) || next.Start < token.End)
        {
            return false;
        }

        var text = TextOf(token);
        var between = text.AsSpan(token.End, next.Start - token.End);
        return text[next.Start] == 'A' && EndsAWord(text, next.Start + 1)
            && (between is "-" || (between.Length > 0 && !between.ContainsAnyExcept(' ', '\t')));
    }

    // Whether a word ends here: the end of the text, a space, an apostrophe (a possessive), or punctuation closing a
    // clause (a full stop only before a space: "A.M." goes on).
    private static bool EndsAWord(string text, int at) =>
        at >= text.Length || char.IsWhiteSpace(text[at]) || ",;:!?)\"'\u2019".Contains(text[at], StringComparison.Ordinal)
        || (text[at] == '.' && (at + 1 == text.Length || char.IsWhiteSpace(text[at + 1])));

    /// <summary>Whether a word names a kind of competition after a sponsor's name ("Cup", "Open", "Classic").</summary>
    public static bool IsCompetitionWord(string folded) => CompetitionWords.Contains(folded);

    /// <summary>Whether the word at a token index is written as a possessive ("Venezuela's", "the Jets'").</summary>
    public bool IsPossessive(int index) => index >= 0 && index < Tokens.Count && IsPossessive(Tokens[index]);

    private bool IsPossessive(AnalyzedToken token)
    {
        var written = WrittenForm(token);
        return written.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || written.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)
            || written.EndsWith("'", StringComparison.Ordinal);
    }

    // Words that, capitalised after a sponsor's name, make it the name of a competition ("series" is also a product
    // line: "Nokia Series 60"). Not the actor rule's list of competitions open to all comers: a sponsor's cup is not
    // the sponsor, where a nation's cup is played by its clubs.
    private static readonly HashSet<string> CompetitionWords = new(StringComparer.Ordinal)
    {
        "cup", "open", "classic", "invitational", "championship", "championships", "bowl", "trophy", "masters", "tournament",
    };

    /// <summary>The field of a position.</summary>
    public DocumentField FieldOf(int position) => IsTitle(position) ? DocumentField.Title : DocumentField.Body;

    /// <summary>
    /// Whether the word at a position may be an acronym: written in capitals ("AIDS", "WHO's", not "aids" or "Who").
    /// In a headline set all in capitals every word is, so there any occurrence counts ("WHO WARNS OF EBOLA").
    /// </summary>
    public bool IsWrittenInCapitals(int position) => TokenAt(position) is { } token && IsWrittenInCapitals(token);

    /// <summary>
    /// Whether the word at a position is written as the plural of capitals: with a small s ("PINs", "IMs"), or in a
    /// field set all in capitals, where capitals say nothing, with a capital one ("THIEVES STEAL PINS").
    /// </summary>
    public bool IsPluralOfCapitals(int position)
    {
        if (TokenAt(position) is not { } token)
        {
            return false;
        }

        var word = WithoutPossessive(WrittenForm(token));
        return word.Length >= 3 && (word[^1] == 's'
            ? !word[..^1].ContainsAnyExcept(UpperCaseLetters)
            : word[^1] == 'S' && !word.ContainsAnyExcept(UpperCaseLetters) && !HasLowerCase(IsTitle(position)));
    }

    private bool IsWrittenInCapitals(AnalyzedToken token)
    {
        var word = WithoutPossessive(WrittenForm(token));
        return word.Length >= 2 && !word.ContainsAnyExcept(UpperCaseLetters);
    }

    /// <summary>
    /// Whether the word at a position writes its letters in capitals, whatever its digits, and is no amount ("3M", "3G";
    /// not the "£3m" or "$3M" of an amount, nor the "3m" of a race).
    /// </summary>
    public bool IsLettersInCapitals(int position) =>
        TokenAt(position) is { } token && !WithoutPossessive(WrittenForm(token)).ContainsAny(LowerCaseLetters)
        && !(token.Start > 0 && TextOf(token)[token.Start - 1] is '$' or '£' or '€' or '¥');

    private static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> written)
    {
        var apostrophe = written.IndexOfAny('\'', '\u2019');
        return apostrophe > 0 ? written[..apostrophe] : written;
    }

    /// <summary>
    /// Whether the word at a position starts with a lower-case letter in a field that has capitals elsewhere ("the
    /// African savanna"); a field with no capital at all says nothing.
    /// </summary>
    public bool IsWrittenInLowerCase(int position)
    {
        if (TokenAt(position) is not { } token)
        {
            return false;
        }

        var isTitle = IsTitle(position);
        var text = isTitle ? Title : Body;
        return token.Start < text.Length && char.IsLower(text[token.Start]) && HasCapitals(isTitle);
    }

    /// <summary>
    /// Whether the word at a position can be initials: not written in lower case in a field that has capitals ("UN",
    /// "Un Envoy Arrives", "MiG", "Eta"), and not the middle of a word joined by hyphens, which is a word of a name
    /// ("PORT-AU-PRINCE", "Stratford-upon-Avon").
    /// </summary>
    public bool CanBeInitials(int position)
    {
        var index = TokenIndexAt(position);
        if (index < 0 || IsWrittenInLowerCase(position))
        {
            return false;
        }

        var middleOfHyphenated = index > 0 && index + 1 < Tokens.Count
            && AreHyphenated(Tokens[index - 1], Tokens[index]) && AreHyphenated(Tokens[index], Tokens[index + 1]);
        return !middleOfHyphenated;
    }

    // Worked out once per field, on first need (most articles never ask).
    private bool HasCapitals(bool title) =>
        FieldHas(title, UpperCaseLetters, ref title ? ref titleHasCapitals : ref bodyHasCapitals);

    private bool HasLowerCase(bool title) =>
        FieldHas(title, LowerCaseLetters, ref title ? ref titleHasLowerCase : ref bodyHasLowerCase);

    private bool FieldHas(bool title, System.Buffers.SearchValues<char> letters, ref bool? known)
    {
        known ??= (title ? Title : Body).AsSpan().ContainsAny(letters);
        return known.Value;
    }

    /// <summary>
    /// Whether the word at a position is written in capitals in a field that is not ("NLCS" in "Munro, Morris Face Off
    /// in NLCS Game 2"): there a final capital S is another acronym's letter, not a plural ("PCs").
    /// </summary>
    public bool IsInCapitalsAmidLowerCase(int position)
    {
        if (TokenAt(position) is not { } token || !IsWrittenInCapitals(token))
        {
            return false;
        }

        return HasLowerCase(IsTitle(position));
    }

    private static readonly System.Buffers.SearchValues<char> LowerCaseLetters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    private static readonly System.Buffers.SearchValues<char> UpperCaseLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>
    /// Whether an ampersand stands between the word at a position and the next one ("Procter &amp; Gamble"), or an
    /// archive's lost one: three or more spaces and nothing else ("Procter   Gamble").
    /// </summary>
    public bool HasAmpersandAfter(int position)
    {
        var index = TokenIndexAt(position);
        if (index < 0 || index + 1 >= Tokens.Count || IsTitle(Tokens[index].Position) != IsTitle(Tokens[index + 1].Position))
        {
            return false;
        }

        var (left, right) = (Tokens[index], Tokens[index + 1]);
        var gap = TextOf(left).AsSpan(left.End, Math.Max(0, right.Start - left.End));
        var ampersands = gap.Count('&');
        var spaces = gap.Length - ampersands;
        return !gap.ContainsAnyExcept(" \t&") && (ampersands == 1 || (ampersands == 0 && spaces >= LostAmpersandSpaces));
    }

    // " & " with its ampersand dropped leaves three spaces, as some archives store names ("Merck   Co.").
    private const int LostAmpersandSpaces = 3;

    /// <summary>
    /// Whether the token is an abbreviated title before a name: written with its capital and a full stop, then the next
    /// word of the same field with a capital ("Sen. Kerry", "Lt. Gen. Sanchez", and "Sen.\John Kerry" across an
    /// archive's line break). Not "gen" or "a sales rep. Then", nor a name that ends a sentence ("Hun Sen. The"), a
    /// company in capitals before an ordinary word ("ADM. Shares") or a lone letter ("Gen. X").
    /// </summary>
    public bool IsAbbreviationBeforeName(int index)
    {
        if (index < 0 || index + 1 >= Tokens.Count)
        {
            return false;
        }

        var token = Tokens[index];
        var next = Tokens[index + 1];
        var text = TextOf(token);
        if (IsTitle(token.Position) != IsTitle(next.Position) || token.End >= text.Length || text[token.End] != '.'
            || next.Start <= token.End + 1 || text.AsSpan(token.End + 1, next.Start - token.End - 1).ContainsAnyExcept(" \t\n\\"))
        {
            return false;
        }

        var written = text.AsSpan(token.Start, token.End - token.Start);
        var name = text.AsSpan(next.Start, next.End - next.Start);
        var inCapitals = written.Length > 1 && !written.ContainsAnyInRange('a', 'z');
        return char.IsUpper(written[0]) && char.IsUpper(name[0]) && !next.IsStopWord
            && (!inCapitals || !name.ContainsAnyInRange('a', 'z'))
            && (name.Length > 1 || (next.End < text.Length && text[next.End] == '.'));
    }

    /// <summary>The token at a position, if any.</summary>
    public AnalyzedToken? TokenAt(int position)
    {
        var index = TokenIndexAt(position);
        return index < 0 ? null : Tokens[index];
    }

    /// <summary>Index in <see cref="Tokens"/> of the token at a position, or -1.</summary>
    public int TokenIndexAt(int position)
    {
        // Positions ascend with the token list, so a binary search replaces a per-document map.
        int low = 0, high = Tokens.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var p = Tokens[mid].Position;
            if (p == position)
            {
                return mid;
            }

            if (p < position)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// A short excerpt around positions <paramref name="from"/>..<paramref name="to"/> (same field) with the
    /// matched words in «guillemets».
    /// </summary>
    public string Snippet(int from, int to, int contextChars = 60)
    {
        var first = TokenAt(from);
        var last = TokenAt(to);
        if (first is null || last is null)
        {
            return string.Empty;
        }

        var text = IsTitle(from) ? Title : Body;
        var start = first.Value.Start;
        var end = Math.Max(start, last.Value.End);
        var left = Math.Max(0, start - contextChars);
        var right = Math.Min(text.Length, end + contextChars);
        while (left > 0 && !char.IsWhiteSpace(text[left - 1]))
        {
            left++;
            if (left >= start)
            {
                left = start;
                break;
            }
        }

        while (right < text.Length && right > end && !char.IsWhiteSpace(text[right - 1]) && !char.IsWhiteSpace(text[right]))
        {
            right--;
        }

        var builder = new System.Text.StringBuilder(right - left + 8);
        builder.Append(left > 0 ? "…" : string.Empty)
            .Append(text.AsSpan(left, start - left))
            .Append('«')
            .Append(text.AsSpan(start, end - start))
            .Append('»')
            .Append(text.AsSpan(end, right - end))
            .Append(right < text.Length ? "…" : string.Empty)
            .Replace('\n', ' ');
        return builder.ToString();
    }

    private static int FindLeadSentenceEnd(string body)
    {
        for (var i = 1; i + 2 < body.Length; i++)
        {
            if (IsSentenceEnd(body, i))
            {
                return i;
            }
        }

        return body.Length;
    }

    /// <summary>
    /// Whether a sentence ends between two of the words from one position to another, in the headline or the body:
    /// "for the first time. Warner Bros. said" holds no "Time Warner" ("U.S. Open", "St. Louis" and "Corp. Chief"
    /// end none), nor "WASHINGTON - State Department" "Washington State" (a dateline's dash ends it).
    /// </summary>
    public bool HasSentenceEndBetween(int from, int to)
    {
        var (first, last) = (TokenIndexAt(from), TokenIndexAt(to));
        for (var i = Math.Max(first, 0); i < last; i++)
        {
            var (left, right) = (Tokens[i], Tokens[i + 1]);
            var text = TextOf(left);
            for (var at = left.End; at < right.Start && at < text.Length; at++)
            {
                if (IsSentenceEnd(text, at) || (ReferenceEquals(text, Body) && at == (datelineDash ??= DatelineDash.In(Body))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A full stop, question or exclamation mark, then space and a capital; not after initials ("U.S. Open") nor a
    // word the press shortens mid-sentence ("Gen.", "Corp."). Feeds often set sentences apart by several spaces
    // ("seized in Iraq by militants.    Al-Jazeera said").
    private static bool IsSentenceEnd(string text, int i)
    {
        if (i < 1 || text[i] is not ('.' or '!' or '?'))
        {
            return false;
        }

        var next = i + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return next > i + 1 && next < text.Length && char.IsUpper(text[next])
            && !(char.IsUpper(text[i - 1]) && (i < 2 || !char.IsLetter(text[i - 2]) || text[i - 2] == '.')) && !IsAbbreviation(text, i);
    }

    // A capitalised word the press shortens with a full stop mid-sentence: titles, months, company forms, US states'
    // and Canadian provinces' press forms ("Gen.", "Sept.", "Corp.", "Calif."). Other short words before a full stop
    // end the sentence ("...flights to Iraq. Union leaders met").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "cpl", "pvt",
        "gov", "sen", "rep", "rev", "prof", "hon", "pres", "jr", "sr", "no", "nos", "vol", "dept", "univ", "ave", "blvd",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "co", "corp", "inc", "ltd", "bros", "plc", "cos",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md",
        "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt",
        "wash", "wis", "wyo", "alta", "man", "ont", "que", "sask", "nfld",
    };

    // "Coaches vs. Cancer", "Roe v. Wade": a match's or a case's two sides, never a sentence's end.
    private static readonly HashSet<string> LowerCaseAbbreviations = new(StringComparer.Ordinal) { "vs", "v" };

    private static bool IsAbbreviation(string text, int stop)
    {
        var from = stop;
        while (from > 0 && char.IsLetter(text[from - 1]))
        {
            from--;
        }

        return stop > from && (from == 0 || !char.IsLetter(text[from - 1]))
            && (char.IsUpper(text[from]) ? Abbreviations.Contains(text[from..stop].ToLowerInvariant()) : LowerCaseAbbreviations.Contains(text[from..stop]));
    }
}
