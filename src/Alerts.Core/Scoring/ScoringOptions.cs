using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Scoring;

/// <summary>Settings of the scoring engine (configuration section <c>Alerts:Scoring</c>).</summary>
public sealed class ScoringOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Alerts:Scoring";

    /// <summary>
    /// How often, at most, the scorer asks the topic store whether topics changed (seconds). 0 checks on every
    /// article, which suits tests.
    /// </summary>
    [Range(0, 86_400)]
    public int RefreshIntervalSeconds { get; set; } = 30;

    /// <summary>
    /// Whether the semantic signal is on: an article that meets every word group of a topic but one, and whose text
    /// is this close in meaning to the topic's name and description, is judged as a near miss that may alert
    /// (see docs/scoring.md). Needs an <see cref="ITextEmbedder"/>.
    /// </summary>
    public bool Semantic { get; set; }

    /// <summary>Cosine similarity from which a near miss scores 0.5 (the default threshold).</summary>
    [Range(0.05, 1.0)]
    public double SemanticMinSimilarity { get; set; } = 0.5;

    /// <summary>
    /// Whether subscribers' judgments (not relevant / more like this) adjust alerts of their topics: an alert much
    /// like a counter-example is held back, a match just under the threshold much like an example goes out. Off by
    /// default: measured on the evaluation sets it did not raise F1 (docs/scoring.md, "The workbench").
    /// </summary>
    public bool Feedback { get; set; }
}
