using System.Globalization;
using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Text;
using Alerts.Core.Topics;
using Alerts.Infrastructure.Language;

namespace Alerts.Cli.Benchmarks;

/// <summary>
/// Azure AI Language text records per ingested article with enrichment on: the scoring path runs over the corpus with
/// an enricher that counts what would be sent (the service bills one record per started 1,000 characters of each
/// document, after the client's cut to its default limit of text elements) instead of calling the service.
/// </summary>
internal static class LanguageRecords
{
    private const int CharactersPerRecord = 1_000;

    private static readonly int MaxTextElements = new AzureLanguageOptions().MaxTextElements;

    public sealed record Result(int Articles, int Sent, long Records);

    public static async Task<Result> CountAsync(List<(string Title, string Body)> corpus, IEnumerable<WatchTopic> topics, CancellationToken cancellationToken = default)
    {
        var index = TopicIndex.Build(topics, Gazetteer.Default, "language-records");
        var counter = new CountingEnricher();
        for (var i = 0; i < corpus.Count; i++)
        {
            var (title, body) = corpus[i];
            await TopicIndexScorer.ScoreAsync(index, new AnalyzedDocument(title, body), i.ToString(CultureInfo.InvariantCulture), counter, logger: null, cancellationToken);
        }

        return new Result(corpus.Count, counter.Sent, counter.Records);
    }

    private sealed class CountingEnricher : IEntityEnricher
    {
        private static readonly IReadOnlyDictionary<string, IReadOnlyList<RecognizedEntity>> Nothing = new Dictionary<string, IReadOnlyList<RecognizedEntity>>();

        public bool IsEnabled => true;

        public int Sent { get; private set; }

        public long Records { get; private set; }

        public Task<IReadOnlyDictionary<string, IReadOnlyList<RecognizedEntity>>> RecognizeAsync(IReadOnlyList<EntityRequestDocument> documents, CancellationToken cancellationToken)
        {
            foreach (var document in documents.Where(d => !string.IsNullOrWhiteSpace(d.Text)))
            {
                var elements = Math.Min(new StringInfo(document.Text).LengthInTextElements, MaxTextElements);
                Sent++;
                Records += (elements + CharactersPerRecord - 1) / CharactersPerRecord;
            }

            return Task.FromResult(Nothing);
        }
    }
}
