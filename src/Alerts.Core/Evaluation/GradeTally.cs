using Alerts.Core.Topics;

namespace Alerts.Core.Evaluation;

/// <summary>Counts one topic's alerts against the labels, grade by grade: what <see cref="TopicQuality"/> is made of.</summary>
internal sealed class GradeTally
{
    private int core;
    private int related;
    private int coreAlerted;
    private int relatedAlerted;
    private int falseAlerts;

    /// <summary>Counts one article of <paramref name="grade"/> that alerted or not.</summary>
    public void Count(RelevanceGrade grade, bool alerted)
    {
        switch (grade)
        {
            case RelevanceGrade.Core:
                core++;
                coreAlerted += alerted ? 1 : 0;
                break;
            case RelevanceGrade.Related:
                related++;
                relatedAlerted += alerted ? 1 : 0;
                break;
            default:
                falseAlerts += alerted ? 1 : 0;
                break;
        }
    }

    /// <summary>The counts as the topic's quality.</summary>
    public TopicQuality For(WatchTopic topic) => new(topic.Id, topic.Name)
    {
        Core = core,
        Related = related,
        CoreAlerted = coreAlerted,
        RelatedAlerted = relatedAlerted,
        FalseAlerts = falseAlerts,
    };
}
