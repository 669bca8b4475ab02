using Alerts.Core.Articles;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;
using Alerts.Core.Workbench;
using Alerts.Testing.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Workbench;

/// <summary>Judgments as examples and counter-examples: what they hold back, what they let through, and what never.</summary>
public sealed class TopicFeedbackTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static Article Story(string key, string title, string summary) => new(key, "wire", title, null, summary, null, Now);

    private static TopicMatch Match(double score, bool alert, bool constraintsHold = true) =>
        new("quakes", "Earthquakes", score, alert, [new MatchEvidence("term", "earthquake")]) { ConstraintsHold = constraintsHold };

    private static readonly Article Drill = Story("drill", "Earthquake drill held in Osaka schools", "Pupils in Osaka schools practised an earthquake evacuation drill.");
    private static readonly Article Damage = Story("damage", "Earthquake damages homes in Kobe", "A strong earthquake damaged homes in Kobe and injured dozens.");

    [Fact]
    public void Adjust_AlertLikeACounterExample_IsHeldBackAndSaysWhy()
    {
        var feedback = TopicFeedback.From([(Drill, false), (Damage, true)]);

        var adjusted = feedback.Adjust(Match(0.8, alert: true), Story("drill2", "Earthquake drill held in Kyoto schools", "Pupils in Kyoto schools practised an earthquake evacuation drill."), 0.5);

        Assert.False(adjusted.Alert);
        Assert.Contains(adjusted.Evidence, e => e.Kind == "feedback" && e.Description.Contains("Earthquake drill held in Osaka schools", StringComparison.Ordinal));
    }

    [Fact]
    public void Adjust_MatchJustUnderTheThresholdLikeAnExample_GoesOut()
    {
        var feedback = TopicFeedback.From([(Drill, false), (Damage, true)]);

        var adjusted = feedback.Adjust(Match(0.42, alert: false), Story("damage2", "Earthquake damages homes in Kobe suburbs", "An earthquake damaged homes in Kobe suburbs; dozens injured."), 0.5);

        Assert.True(adjusted.Alert);
    }

    [Fact]
    public void Adjust_FailedConstraintOrUnlikeArticle_IsLeftAlone()
    {
        var feedback = TopicFeedback.From([(Drill, false), (Damage, true)]);
        var unlike = Story("markets", "Shares rise in Tokyo", "Exporters led gains on the Nikkei.");

        Assert.False(feedback.Adjust(Match(0.45, alert: false, constraintsHold: false), Damage, 0.5).Alert);
        Assert.True(feedback.Adjust(Match(0.9, alert: true), unlike, 0.5).Alert);
        var untouched = Match(0.9, alert: true);
        Assert.Same(untouched, TopicFeedback.None.Adjust(untouched, Drill, 0.5));
    }

    [Fact]
    public async Task FeedbackModels_OnlyWhenTurnedOn_ApplyTheTopicsJudgments()
    {
        var judgments = new InMemoryJudgments();
        var articles = new InMemoryArticleStore();
        await articles.AdmitAsync(Drill, TestContext.Current.CancellationToken);
        await judgments.RecordAsync(new Judgment("quakes", "drill", "ann", false, Now), TestContext.Current.CancellationToken);
        var topics = new InMemoryTopicStore([new WatchTopic("quakes", "Earthquakes", "earthquake*")]);
        var drill2 = Story("drill2", "Earthquake drill held in Kyoto schools", "Pupils in Kyoto schools practised an earthquake evacuation drill.");

        var off = new FeedbackModels(judgments, articles, topics, Options.Create(new ScoringOptions()), new FakeTimeProvider(Now));
        var on = new FeedbackModels(judgments, articles, topics, Options.Create(new ScoringOptions { Feedback = true }), new FakeTimeProvider(Now));

        Assert.True((await off.ApplyAsync(drill2, [Match(0.8, alert: true)], TestContext.Current.CancellationToken))[0].Alert);
        Assert.False((await on.ApplyAsync(drill2, [Match(0.8, alert: true)], TestContext.Current.CancellationToken))[0].Alert);
    }

    private sealed class InMemoryJudgments : IJudgmentStore
    {
        private readonly List<Judgment> _all = [];

        public Task RecordAsync(Judgment judgment, CancellationToken cancellationToken)
        {
            _all.Add(judgment);
            return Task.CompletedTask;
        }

        public async IAsyncEnumerable<Judgment> ListAsync(string topicId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var judgment in _all.Where(j => j.TopicId == topicId).ToList())
            {
                await Task.Yield();
                yield return judgment;
            }
        }
    }
}
