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
}
