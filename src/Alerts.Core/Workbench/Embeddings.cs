using System.Runtime.InteropServices;
using Alerts.Core.Articles;

namespace Alerts.Core.Workbench;

/// <summary>Sentence embeddings as the workbench stores and compares them.</summary>
public static class Embeddings
{
    /// <summary>What of an article is embedded: its headline and summary, as the semantic signal reads them.</summary>
    public static string TextOf(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Title + ". " + article.Summary;
    }

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
