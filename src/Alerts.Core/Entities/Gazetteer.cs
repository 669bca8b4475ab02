using System.Reflection;
using Alerts.Core.Text;

namespace Alerts.Core.Entities;

/// <summary>What kind of thing a gazetteer entry names.</summary>
public enum EntityKind
{
    /// <summary>A country (implies itself as place and as nationality).</summary>
    Country,

    /// <summary>A city, province or landmark (implies its country as place).</summary>
    City,

    /// <summary>A demonym or nationality adjective ("Turkish", "Afghans").</summary>
    Nationality,

    /// <summary>An organisation, alliance or actor group (NATO, the UN, "coalition", the Taliban).</summary>
    Organisation,

    /// <summary>A place or organisation known only from an external recogniser.</summary>
    Other,
}

/// <summary>One named thing the offline recogniser knows.</summary>
/// <param name="Id">Country code for countries, cities and nationalities; organisation id otherwise.</param>
/// <param name="Name">Canonical display name.</param>
/// <param name="Kind">Kind of entry.</param>
/// <param name="CountryCode">
/// The country the entry belongs to (place or nationality); <c>*</c> for multinational bodies and for words such as
/// "foreign", which are foreign to every country; null when unknown.
/// </param>
/// <param name="Role">For organisations: military, international, civilian, militant or modifier.</param>
public sealed record GazetteerEntry(string Id, string Name, EntityKind Kind, string? CountryCode, string? Role = null);

/// <summary>An entity found in an analysed document.</summary>
/// <param name="Entry">What it is.</param>
/// <param name="FirstToken">Index of its first token in <see cref="AnalyzedDocument.Tokens"/>.</param>
/// <param name="LastToken">Index of its last token.</param>
/// <param name="Source"><c>gazetteer</c> or the external recogniser's name.</param>
public sealed record EntityMention(GazetteerEntry Entry, int FirstToken, int LastToken, string Source = "gazetteer");

/// <summary>
/// The offline entity recogniser: gazetteers of countries, capitals and major cities, demonyms, alliances and
/// international bodies, shipped as embedded data (Entities/Data/*.tsv). Names are matched on analysed tokens, so
/// "Afghans", "afghan" and "AFGHAN" are one nationality; aliases written with a leading '=' in the data
/// ("=US") must match case-sensitively so that the pronoun "us" is not the United States.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> DefaultInstance = new(LoadDefault);

    private readonly Dictionary<string, List<Alias>> aliasesByFirstStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerEntry> byKey = new(StringComparer.OrdinalIgnoreCase);

    private Gazetteer()
    {
    }

    /// <summary>The gazetteer built from the data shipped with Alerts.</summary>
    public static Gazetteer Default => DefaultInstance.Value;

    /// <summary>Number of names known.</summary>
    public int AliasCount { get; private set; }

    /// <summary>
    /// Resolves a name from a topic constraint ("Afghanistan", "Afghan", "AF", "Kabul", "NATO") to the entry it means.
    /// </summary>
    public GazetteerEntry? Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (byKey.TryGetValue(name.Trim(), out var entry))
        {
            return entry;
        }

        var analyzed = new AnalyzedDocument(name, null);
        var mentions = Recognize(analyzed);
        return mentions.Count == 1 && mentions[0].FirstToken == 0 && mentions[0].LastToken == analyzed.Tokens.Count - 1
            ? mentions[0].Entry
            : null;
    }

    /// <summary>Finds entity mentions, longest name first, never across the title/body boundary.</summary>
    public List<EntityMention> Recognize(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mentions = new List<EntityMention>();
        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!aliasesByFirstStem.TryGetValue(tokens[i].Stem, out var candidates))
            {
                continue;
            }

            foreach (var alias in candidates)
            {
                if (Matches(document, i, alias))
                {
                    mentions.Add(new EntityMention(alias.Entry, i, i + alias.Stems.Length - 1));
                    i += alias.Stems.Length - 1;
                    break;
                }
            }
        }

        return mentions;
    }

    private static bool Matches(AnalyzedDocument document, int start, Alias alias)
    {
        var tokens = document.Tokens;
        var end = start + alias.Stems.Length - 1;
        if (end >= tokens.Count || (start < document.TitleTokenCount) != (end < document.TitleTokenCount))
        {
            return false;
        }

        for (var k = 1; k < alias.Stems.Length; k++)
        {
            if (!string.Equals(tokens[start + k].Stem, alias.Stems[k], StringComparison.Ordinal)
                || tokens[start + k].Position != tokens[start + k - 1].Position + 1)
            {
                return false;
            }
        }

        if (alias.CaseSensitiveLetters is null)
        {
            return true;
        }

        var text = start < document.TitleTokenCount ? document.Title : document.Body;
        var written = text.AsSpan(tokens[start].Start, tokens[end].End - tokens[start].Start);
        return LettersOnly(written).Equals(alias.CaseSensitiveLetters, StringComparison.Ordinal);
    }

    private static string LettersOnly(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 128)];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && n < buffer.Length)
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }

    private static Gazetteer LoadDefault()
    {
        var gazetteer = new Gazetteer();
        gazetteer.LoadCountries(ReadResource("countries.tsv"));
        gazetteer.LoadOrganisations(ReadResource("organisations.tsv"));
        gazetteer.SortAliases();
        return gazetteer;
    }

    private static IEnumerable<string[]> ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Alerts.Core.Entities.Data." + name)
            ?? throw new InvalidOperationException($"Gazetteer data {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            rows.Add(line.Split('\t'));
        }

        return rows;
    }

    private static string[] Names(string[] row, int column) =>
        column < row.Length ? row[column].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    private void LoadCountries(IEnumerable<string[]> rows)
    {
        foreach (var row in rows)
        {
            var code = row[0];
            var names = Names(row, 1);
            var country = new GazetteerEntry(code, names[0].TrimStart('='), EntityKind.Country, code);
            byKey[code] = country;
            foreach (var name in names)
            {
                AddAlias(name, country);
            }

            foreach (var demonym in Names(row, 2))
            {
                AddAlias(demonym, new GazetteerEntry(code, demonym, EntityKind.Nationality, code));
            }

            foreach (var city in Names(row, 3))
            {
                AddAlias(city, new GazetteerEntry(city.ToLowerInvariant(), city, EntityKind.City, code));
            }
        }
    }

    private void LoadOrganisations(IEnumerable<string[]> rows)
    {
        foreach (var row in rows)
        {
            var names = Names(row, 1);
            var entry = new GazetteerEntry(row[0], names[0].TrimStart('='), EntityKind.Organisation, row[2], row.Length > 3 ? row[3] : null);
            byKey[row[0]] = entry;
            foreach (var name in names)
            {
                AddAlias(name, entry);
            }
        }
    }

    private void AddAlias(string name, GazetteerEntry entry)
    {
        var caseSensitive = name.StartsWith('=');
        var written = caseSensitive ? name[1..] : name;
        var stems = TextAnalyzer.Analyze(written).Select(t => t.Stem).ToArray();
        if (stems.Length == 0)
        {
            return;
        }

        if (!caseSensitive)
        {
            byKey.TryAdd(written, entry);
        }

        if (!aliasesByFirstStem.TryGetValue(stems[0], out var list))
        {
            aliasesByFirstStem[stems[0]] = list = [];
        }

        list.Add(new Alias(stems, caseSensitive ? LettersOnly(written) : null, entry));
        AliasCount++;
    }

    private void SortAliases()
    {
        foreach (var list in aliasesByFirstStem.Values)
        {
            // Longest first: "South Africa" before "Africa", "Northern Alliance" before anything shorter.
            list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
        }
    }

    private sealed record Alias(string[] Stems, string? CaseSensitiveLetters, GazetteerEntry Entry);
}
