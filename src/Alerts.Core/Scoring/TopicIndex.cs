using Alerts.Core.Entities;
using Alerts.Core.Text;
using Alerts.Core.Topics;

namespace Alerts.Core.Scoring;

/// <summary>A topic that could not be indexed, with the reason.</summary>
/// <param name="TopicId">The topic.</param>
/// <param name="Error">Why.</param>
public sealed record RejectedTopic(string TopicId, string Error);

/// <summary>
/// An immutable presearcher over all topics, in the manner of Lucene's Monitor or the Elasticsearch percolator:
/// each topic is filed under the few words one of which any matching article must contain (its cheapest
/// required clause), or, for a topic that requires only a place, under the countries the place lies in. An article
/// looks up only its own distinct words (and its places' countries when a topic is filed so), and only the topics
/// found that way are verified. The cost per article follows the article's length and the number of real
/// candidates, not the number of topics. Thread-safe.
/// </summary>
public sealed class TopicIndex
{
    [ThreadStatic]
    private static CandidateMarks? marks;

    private readonly CompiledTopic[] topics;
    private readonly Dictionary<string, int[]> byTerm;
    private readonly Dictionary<string, int[]> byPrefix;
    private readonly Dictionary<string, int[]> byCountry;
    private readonly int[] unindexed;
    private readonly byte[] required;
    private readonly int maxPrefixLength;

    private TopicIndex(
        CompiledTopic[] topics,
        Dictionary<string, int[]> byTerm,
        Dictionary<string, int[]> byPrefix,
        Dictionary<string, int[]> byCountry,
        int[] unindexed,
        byte[] required,
        IReadOnlyList<RejectedTopic> rejected,
        string version)
    {
        this.required = required;
        this.topics = topics;
        this.byTerm = byTerm;
        this.byPrefix = byPrefix;
        this.byCountry = byCountry;
        this.unindexed = unindexed;
        maxPrefixLength = byPrefix.Count == 0 ? 0 : byPrefix.Keys.Max(k => k.Length);
        Rejected = rejected;
        Version = version;
    }

    /// <summary>An index with no topics.</summary>
    public static TopicIndex Empty => Build([], Gazetteer.Default, string.Empty);

    /// <summary>Number of indexed topics.</summary>
    public int Count => topics.Length;

    /// <summary>Topics that could not be compiled.</summary>
    public IReadOnlyList<RejectedTopic> Rejected { get; }

    /// <summary>The topic-store version this index was built from.</summary>
    public string Version { get; }

    /// <summary>Number of distinct index keys (terms, prefixes and countries).</summary>
    public int KeyCount => byTerm.Count + byPrefix.Count + byCountry.Count;

    /// <summary>Number of topics every article must be verified against (no required word found).</summary>
    public int UnindexedCount => unindexed.Length;

    /// <summary>Compiles and indexes topics; topics that do not compile are listed in <see cref="Rejected"/>.</summary>
    public static TopicIndex Build(IEnumerable<WatchTopic> source, Gazetteer gazetteer, string version)
    {
        ArgumentNullException.ThrowIfNull(source);
        var compiled = new List<CompiledTopic>();
        var rejected = new List<RejectedTopic>();
        foreach (var topic in source)
        {
            var errors = TopicValidation.Validate(topic);
            if (errors.Count > 0)
            {
                rejected.Add(new RejectedTopic(topic.Id, string.Join("; ", errors)));
                continue;
            }

            compiled.Add(CompiledTopic.Compile(topic, gazetteer));
        }

        // A posting is topic * 2 + slot: the slot says which of the topic's (up to two) requirements the word meets.
        var terms = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var countries = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var unindexed = new List<int>();
        var required = new byte[compiled.Count];
        for (var i = 0; i < compiled.Count; i++)
        {
            var keySets = compiled[i].PresearchKeys;
            if (keySets.Count == 0)
            {
                unindexed.Add(i);
                continue;
            }

            for (var slot = 0; slot < keySets.Count; slot++)
            {
                required[i] |= (byte)(1 << slot);
                foreach (var term in keySets[slot].Terms)
                {
                    Post(terms, term, (i * 2) + slot);
                }

                foreach (var prefix in keySets[slot].Prefixes)
                {
                    Post(prefixes, prefix, (i * 2) + slot);
                }

                foreach (var country in keySets[slot].Countries)
                {
                    Post(countries, country, (i * 2) + slot);
                }
            }
        }

        return new TopicIndex(
            [.. compiled],
            terms.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            prefixes.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            countries.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            [.. unindexed],
            required,
            rejected,
            version);
    }

    private static void Post(Dictionary<string, List<int>> postings, string key, int topic)
    {
        if (!postings.TryGetValue(key, out var list))
        {
            postings[key] = list = new List<int>(1);
        }

        list.Add(topic);
    }

    /// <summary>The topics an article could match (presearch only, no verification).</summary>
    public List<CompiledTopic> Candidates(AnalyzedDocument document) => Candidates(document, null);

    /// <summary>
    /// The topics an article could match; when <paramref name="partial"/> is given, it receives the topics whose
    /// requirements the article meets only in part (near-miss candidates for the semantic signal).
    /// </summary>
    public List<CompiledTopic> Candidates(AnalyzedDocument document, List<CompiledTopic>? partial)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = new List<CompiledTopic>();
        var seen = marks ??= new CandidateMarks();
        seen.Begin(topics.Length);
        foreach (var stem in document.Stems)
        {
            if (byTerm.TryGetValue(stem, out var posting))
            {
                AddAll(posting, seen, result);
            }
        }

        if (maxPrefixLength > 0)
        {
            foreach (var token in document.Tokens)
            {
                if (token.IsStopWord)
                {
                    continue;
                }

                var limit = Math.Min(token.Surface.Length, maxPrefixLength);
                for (var length = 2; length <= limit; length++)
                {
                    if (byPrefix.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token.Surface.AsSpan(0, length), out var posting))
                    {
                        AddAll(posting, seen, result);
                    }
                }
            }
        }

        if (byCountry.Count > 0)
        {
            AddByPlace(document, seen, result);
        }

        AddUnindexed(seen, result);
        if (partial is not null)
        {
            foreach (var topic in seen.PartlyMet())
            {
                partial.Add(topics[topic]);
            }
        }

        return result;
    }

    private void AddAll(int[] posting, CandidateMarks seen, List<CompiledTopic> result)
    {
        foreach (var entry in posting)
        {
            var topic = entry >> 1;
            if (seen.Satisfy(topic, (byte)(1 << (entry & 1)), required[topic]))
            {
                result.Add(topics[topic]);
            }
        }
    }

    // Topics filed under a country (place: terms) meet that requirement when the article names a place in it. The
    // article's places are read only when some topic is filed so, once, and shared with verification.
    private void AddByPlace(AnalyzedDocument document, CandidateMarks seen, List<CompiledTopic> result)
    {
        string? previous = null;
        foreach (var mention in ArticleEntities.Of(document).Mentions)
        {
            if (mention.Entry is { IsPlace: true, CountryCode: { } country } && country != previous && byCountry.TryGetValue(country, out var posting))
            {
                AddAll(posting, seen, result);
                previous = country;
            }
        }
    }

    private void AddUnindexed(CandidateMarks seen, List<CompiledTopic> result)
    {
        foreach (var topic in unindexed)
        {
            if (seen.Satisfy(topic, 0, 0))
            {
                result.Add(topics[topic]);
            }
        }
    }

    /// <summary>Every indexed topic (for the evaluate-everything baseline and diagnostics).</summary>
    public IReadOnlyList<CompiledTopic> All => topics;

    // Per-thread generation-stamped arrays: touching a topic is a couple of stores, resetting is one increment.
    private sealed class CandidateMarks
    {
        private const byte Reported = 0x80;
        private readonly List<int> touched = [];
        private int[] stamps = [];
        private byte[] masks = [];
        private int generation;

        // Topics touched in this generation that met some requirement but not all.
        public IEnumerable<int> PartlyMet()
        {
            foreach (var topic in touched)
            {
                if (stamps[topic] == generation && (masks[topic] & Reported) == 0 && masks[topic] != 0)
                {
                    yield return topic;
                }
            }
        }

        public void Begin(int size)
        {
            if (stamps.Length < size)
            {
                stamps = new int[Math.Max(size, stamps.Length * 2)];
                masks = new byte[stamps.Length];
                generation = 0;
            }

            if (++generation == int.MaxValue)
            {
                Array.Clear(stamps);
                generation = 1;
            }

            touched.Clear();
        }

        // Records that the article meets requirement `bit` of a topic; true once, when all required bits are met.
        public bool Satisfy(int topic, byte bit, byte required)
        {
            if (stamps[topic] != generation)
            {
                stamps[topic] = generation;
                masks[topic] = 0;
                touched.Add(topic);
            }

            var mask = masks[topic];
            if ((mask & Reported) != 0)
            {
                return false;
            }

            mask |= bit;
            if ((mask & required) == required)
            {
                masks[topic] = Reported;
                return true;
            }

            masks[topic] = mask;
            return false;
        }
    }
}
