using Alerts.Core.Articles;
using Alerts.Core.Entities;
using Alerts.Core.Pipeline;
using Alerts.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Scoring;

/// <summary>
/// The production scorer: keeps a <see cref="TopicIndex"/> of every topic in the store, rebuilt in the background
/// of a call when the store's version changes (checked at most every
/// <see cref="ScoringOptions.RefreshIntervalSeconds"/>), so topic edits apply without a restart. Per article it
/// analyses the text once, looks up candidate topics in the index, verifies only those, and asks the optional
/// external entity recogniser only about articles that verified against a topic with entity constraints.
/// </summary>
public sealed class TopicIndexScorer : IArticleScorer
{
    private readonly ITopicStore store;
    private readonly IEntityEnricher? enricher;
    private readonly SemanticSignal? semantic;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly TimeSpan refreshInterval;
    private readonly SemaphoreSlim refreshLock = new(1, 1);
    private volatile TopicIndex? index;
    private long lastCheckTicks = long.MinValue;

    /// <summary>Creates the scorer.</summary>
    public TopicIndexScorer(
        ITopicStore store,
        IOptions<ScoringOptions> options,
        TimeProvider time,
        ILogger<TopicIndexScorer>? logger = null,
        IEntityEnricher? enricher = null,
        ITextEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        this.enricher = enricher;
        refreshInterval = TimeSpan.FromSeconds(options.Value.RefreshIntervalSeconds);
        if (options.Value.Semantic)
        {
            semantic = new SemanticSignal(
                embedder ?? throw new InvalidOperationException("Alerts:Scoring:Semantic is on but no text embedder is registered."),
                options.Value.SemanticMinSimilarity);
        }
    }

    /// <summary>The semantic signal, when it is on.</summary>
    public SemanticSignal? Semantic => semantic;

    /// <summary>The index in use (null before the first call).</summary>
    public TopicIndex? CurrentIndex => index;

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<TopicMatch>> ScoreAsync(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var current = await GetIndexAsync(cancellationToken);
        var document = ArticleText.Analyze(article);
        // The semantic signal's near-miss candidates come out of the same presearch pass as the outright ones.
        var partial = semantic is null ? null : new List<CompiledTopic>();
        var matches = await ScoreAsync(current, document, article.Key, enricher, logger, cancellationToken, partial);
        return semantic is null ? matches : semantic.AddNearMisses(partial!, document, matches);
    }

    /// <summary>
    /// Scores an analysed document against an index, enriching entities when an enricher is enabled; when
    /// <paramref name="partial"/> is given it receives the topics the article meets only in part.
    /// </summary>
    public static async ValueTask<IReadOnlyList<TopicMatch>> ScoreAsync(
        TopicIndex index,
        AnalyzedDocument document,
        string documentId,
        IEntityEnricher? enricher,
        ILogger? logger,
        CancellationToken cancellationToken,
        List<CompiledTopic>? partial = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(document);
        var candidates = index.Candidates(document, partial);
        if (candidates.Count == 0)
        {
            return [];
        }

        if (enricher is { IsEnabled: true } && candidates.Any(c => c.Constraints.Any && TopicEvaluator.QueryMatches(c, document)))
        {
            // Into the document's one shared reading, so a query's place: terms read the service's places as the
            // constraints do; a topic filed under a country the service's places add becomes a candidate too (the
            // presearch read the offline places only). Few articles are sent, so presearching again costs little.
            var entities = ArticleEntities.Of(document);
            var before = entities.Mentions.Count;
            await EnrichAsync(entities, documentId, enricher, logger ?? NullLogger.Instance, cancellationToken);
            if (entities.Mentions.Count > before)
            {
                partial?.Clear();
                candidates = index.Candidates(document, partial);
            }
        }

        return Verify(candidates, document);
    }

    /// <summary>Scores synchronously with the offline recogniser only (benchmarks, evaluation).</summary>
    public static IReadOnlyList<TopicMatch> Score(TopicIndex index, AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Verify(index.Candidates(document), document);
    }

    private static List<TopicMatch> Verify(List<CompiledTopic> candidates, AnalyzedDocument document)
    {
        var matches = new List<TopicMatch>();
        ArticleEntities Entities() => ArticleEntities.Of(document);
        foreach (var candidate in candidates)
        {
            if (TopicEvaluator.Evaluate(candidate, document, Entities) is { } match)
            {
                matches.Add(match);
            }
        }

        matches.Sort((a, b) => b.Score.CompareTo(a.Score));
        return matches;
    }

    private static async Task EnrichAsync(
        ArticleEntities entities,
        string documentId,
        IEntityEnricher enricher,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var document = entities.Document;
        var separator = "\n\n";
        var text = document.Title + separator + document.Body;
        IReadOnlyDictionary<string, IReadOnlyList<RecognizedEntity>> result;
        try
        {
            result = await enricher.RecognizeAsync([new EntityRequestDocument(documentId, text)], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Enrichment is an optional refinement: the offline recogniser's entities still decide.
            logger.LogWarning(e, "Entity enrichment failed for article {ArticleKey}; using offline entities only", documentId);
            return;
        }

        if (result.TryGetValue(documentId, out var recognized))
        {
            entities.Merge(ExternalEntities.ToMentions(document, recognized, document.Title.Length + separator.Length));
        }
    }

    private async ValueTask<TopicIndex> GetIndexAsync(CancellationToken cancellationToken)
    {
        var current = index;
        var now = time.GetTimestamp();
        if (current is not null && time.GetElapsedTime(Interlocked.Read(ref lastCheckTicks), now) < refreshInterval)
        {
            return current;
        }

        // While one caller refreshes, the others keep scoring with the index they have instead of queueing
        // behind a rebuild that may take seconds at 100,000 topics. Only the very first build is waited for.
        if (current is not null)
        {
            if (!await refreshLock.WaitAsync(0, cancellationToken))
            {
                return current;
            }
        }
        else
        {
            await refreshLock.WaitAsync(cancellationToken);
        }

        try
        {
            current = index;
            if (current is not null && time.GetElapsedTime(Interlocked.Read(ref lastCheckTicks), time.GetTimestamp()) < refreshInterval)
            {
                return current;
            }

            var version = await store.GetVersionAsync(cancellationToken);
            if (current is null || !string.Equals(version, current.Version, StringComparison.Ordinal))
            {
                current = await RebuildAsync(version, cancellationToken);
                index = current;
            }

            Interlocked.Exchange(ref lastCheckTicks, time.GetTimestamp());
            return current;
        }
        finally
        {
            refreshLock.Release();
        }
    }

    /// <summary>Raised after each rebuild of the index, with its topic count and how long the rebuild took.</summary>
    public event Action<int, TimeSpan>? IndexRebuilt;

    private async Task<TopicIndex> RebuildAsync(string version, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var topics = new List<Topics.WatchTopic>();
        await foreach (var topic in store.ListAsync(cancellationToken))
        {
            topics.Add(topic);
        }

        var built = TopicIndex.Build(topics, Gazetteer.Default, version);
        foreach (var rejected in built.Rejected)
        {
            logger.LogWarning("Topic {TopicId} is not indexed: {Error}", rejected.TopicId, rejected.Error);
        }

        logger.LogInformation(
            "Topic index built from version {Version}: {TopicCount} topics, {KeyCount} keys, {UnindexedCount} unindexed",
            version,
            built.Count,
            built.KeyCount,
            built.UnindexedCount);
        IndexRebuilt?.Invoke(built.Count, time.GetElapsedTime(started));
        return built;
    }
}

/// <summary>How an article's fields become the text that is scored.</summary>
public static class ArticleText
{
    /// <summary>The body text: summary, then the content as plain text unless it repeats the summary.</summary>
    public static string Body(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var summary = article.Summary?.Trim() ?? string.Empty;
        var content = HtmlText.ToPlainText(article.Content);
        if (content.Length == 0)
        {
            return summary;
        }

        return summary.Length == 0 || content.StartsWith(summary, StringComparison.Ordinal) ? content : summary + "\n" + content;
    }

    /// <summary>Analyses an article's title and body.</summary>
    public static AnalyzedDocument Analyze(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new AnalyzedDocument(article.Title, Body(article)) { Categories = article.Categories };
    }
}

/// <summary>Turns entities from an external recogniser into mentions on the analysed document.</summary>
public static class ExternalEntities
{
    /// <summary>
    /// Maps recognised entities (offsets into title + separator + body) to token ranges, resolving names
    /// through the gazetteer so "Kabul" found by the service still implies Afghanistan.
    /// </summary>
    public static IEnumerable<EntityMention> ToMentions(AnalyzedDocument document, IEnumerable<RecognizedEntity> entities, int bodyOffset)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(entities);
        foreach (var entity in entities)
        {
            var inTitle = entity.Offset < document.Title.Length;
            var start = inTitle ? entity.Offset : entity.Offset - bodyOffset;
            var end = start + entity.Length;
            int first = -1, last = -1;
            var from = inTitle ? 0 : document.TitleTokenCount;
            var to = inTitle ? document.TitleTokenCount : document.Tokens.Count;
            for (var i = from; i < to; i++)
            {
                var token = document.Tokens[i];
                if (token.End > start && token.Start < end)
                {
                    if (first < 0)
                    {
                        first = i;
                    }

                    last = i;
                }
            }

            if (first < 0)
            {
                continue;
            }

            var entry = Gazetteer.Default.Resolve(entity.Text) ?? Unknown(entity);
            if (entry is not null)
            {
                yield return new EntityMention(entry, first, last, entity.Source);
            }
        }
    }

    private static GazetteerEntry? Unknown(RecognizedEntity entity) => entity.Category switch
    {
        // A country the gazetteer lacks is still a country: it can be an actor, and it is not any other country.
        "Location" when entity.Subcategory is "GPE" or "CountryRegion" =>
            new GazetteerEntry(entity.Text.ToUpperInvariant(), entity.Text, EntityKind.Country, entity.Text.ToUpperInvariant()),
        "Location" => new GazetteerEntry(entity.Text.ToLowerInvariant(), entity.Text, EntityKind.Other, null),
        "Organization" => new GazetteerEntry(entity.Text.ToLowerInvariant(), entity.Text, EntityKind.Organisation, null),
        _ => null,
    };
}
