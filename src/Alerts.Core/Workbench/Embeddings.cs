using System.Runtime.InteropServices;
using Alerts.Core.Articles;
using Alerts.Core.Scoring;

namespace Alerts.Core.Workbench;

/// <summary>Sentence embeddings as the workbench stores and compares them.</summary>
public static class Embeddings
{
    /// <summary>What of an article is embedded: its headline and the body that is scored, as the semantic signal reads them.</summary>
    public static string TextOf(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return TextOf(article.Title, ArticleText.Body(article));
    }

    /// <summary>The text embedded for a headline and body: one place, so stored vectors and scoring compare alike.</summary>
    public static string TextOf(string title, string body) => title + ". " + body;

    /// <summary>A vector as base64 of its floats (a sixth the size of a JSON array of numbers).</summary>
    public static string Encode(float[] vector) => Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan()));

    /// <summary>The vector back, or null when there is none.</summary>
    public static float[]? Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return null;
        }

        var bytes = Convert.FromBase64String(encoded);
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }
}
