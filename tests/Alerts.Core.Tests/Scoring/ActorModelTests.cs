using Alerts.Core.Topics;

namespace Alerts.Core.Tests.Scoring;

/// <summary>Who acts in a story, on topics other than the sample (see docs/scoring.md).</summary>
public sealed class ActorModelTests
{
    private static readonly WatchTopic ForeignHostages = TestSupport.Topic(
        "(hostage* OR kidnap*) (Iraq OR Iraqi OR Baghdad)",
        new TopicConstraints { ExcludeActorNationalities = ["Iraq"] });

    [Fact]
    public void Alerts_ExcludedCountryNamedAsWhere_IsNotTheOnlyActor()
    {
        // Act
        var match = TestSupport.Match(ForeignHostages, "Iraq video shows hostage deaths", "A video apparently shows the killing of two hostages in Iraq.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_OnlyPeopleOfTheExcludedNationality_ConstraintFails()
    {
        // Act
        var match = TestSupport.Match(ForeignHostages, "Iraqi policeman kidnapped in Baghdad", "Gunmen seized an Iraqi policeman on Monday.");

        // Assert
        Assert.False(match!.Alert);
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actors are only", StringComparison.Ordinal));
    }
}
