using Alerts.Core.Scoring;

namespace Alerts.Core.Evaluation;

/// <summary>One article the evaluation got wrong, with the engine's verdict and evidence (null when the query did not match).</summary>
public sealed record EvaluationError(string ArticleId, string Title, TopicMatch? Match)
{
    /// <summary>When the query did not match a core article: what it found and what it lacked (<see cref="QueryShortfall"/>).</summary>
    public string? Shortfall { get; init; }
}

/// <summary>
/// How well one topic did on a labelled set. Recall counts core articles only; precision counts an alert on a core
/// or related article as right, so a related story that alerts is not a false alert and one that does not is not a miss.
/// </summary>
public sealed record TopicQuality(string TopicId, string TopicName)
{
    /// <summary>Articles labelled core.</summary>
    public int Core { get; init; }

    /// <summary>Articles labelled related.</summary>
    public int Related { get; init; }

    /// <summary>Alerts on core articles.</summary>
    public int CoreAlerted { get; init; }

    /// <summary>Alerts on related articles.</summary>
    public int RelatedAlerted { get; init; }

    /// <summary>Alerts on articles that are not relevant.</summary>
    public int FalseAlerts { get; init; }

    /// <summary>Core articles alerted by the same topic with its constraints removed (what constraints cost in recall).</summary>
    public int? CoreAlertedWithoutConstraints { get; init; }

    /// <summary>Alerts that were not relevant, with their evidence.</summary>
    public IReadOnlyList<EvaluationError> FalseAlertDetails { get; init; } = [];

    /// <summary>Core articles that did not alert, with what the engine saw.</summary>
    public IReadOnlyList<EvaluationError> MissDetails { get; init; } = [];

    /// <summary>All alerts.</summary>
    public int Alerts => CoreAlerted + RelatedAlerted + FalseAlerts;

    /// <summary>Core articles missed.</summary>
    public int Misses => Core - CoreAlerted;

    /// <summary>Share of alerts that were core or related (1 when nothing alerted).</summary>
    public double Precision => Alerts == 0 ? 1 : (CoreAlerted + RelatedAlerted) / (double)Alerts;

    /// <summary>Share of core articles that alerted.</summary>
    public double Recall => Core == 0 ? 1 : CoreAlerted / (double)Core;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Core items the constraints cost (null when the topic has none).</summary>
    public int? ConstraintCost => CoreAlertedWithoutConstraints is { } without ? without - CoreAlerted : null;
}
