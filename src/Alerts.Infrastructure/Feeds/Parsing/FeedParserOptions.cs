namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>Limits that keep a hostile or broken document from costing more than a normal feed.</summary>
public sealed class FeedParserOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Alerts:Feeds";

    /// <summary>Documents larger than this are refused before any parsing (the fetcher caps bodies at 10 MB).</summary>
    public int MaxDocumentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Upper bound of characters after decoding and entity expansion.</summary>
    public long MaxCharacters { get; set; } = 32L * 1024 * 1024;

    /// <summary>Deepest element (or JSON value) nesting accepted; real feeds stay below 30.</summary>
    public int MaxDepth { get; set; } = 128;

    /// <summary>
    /// Most attributes accepted on one element; real feeds use a handful. Bounding it keeps attribute
    /// bookkeeping linear (the quadratic-blow-up attack sends tens of thousands on one tag).
    /// </summary>
    public int MaxAttributesPerElement { get; set; } = 256;

    /// <summary>Entries beyond this count are ignored, keeping the first ones in document order.</summary>
    public int MaxEntries { get; set; } = 5000;
}
