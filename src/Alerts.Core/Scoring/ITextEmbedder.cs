namespace Alerts.Core.Scoring;

/// <summary>
/// Turns text into a sentence embedding (unit length, so the dot product of two is their cosine similarity). The
/// semantic signal of the scorer: used only for articles that nearly match a topic, each embedded at most once.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Embeds a text; long texts are cut to what the model reads (the headline and lead).</summary>
    float[] Embed(string text);
}
