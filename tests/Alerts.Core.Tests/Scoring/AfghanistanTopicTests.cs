using Alerts.Core.Topics;
using static Alerts.Core.Tests.TestSupport;

namespace Alerts.Core.Tests.Scoring;

/// <summary>The sample topic on short reports written for these tests.</summary>
public sealed class AfghanistanTopicTests
{
    private static readonly WatchTopic Topic = SampleTopics.AfghanistanForeignTroops;

    [Theory]
    [InlineData(
        "Ankara rules out sending extra soldiers to guard Kabul airport",
        "Turkey's defence minister said the country would not add to the roughly 500 Turkish troops already in Afghanistan, although they may stay on to protect the airport after other foreign forces depart.")]
    [InlineData(
        "NATO to reinforce its mission in Afghanistan",
        "The alliance agreed to send two more battalions to Afghanistan before the spring fighting season, officials said in Brussels.")]
    [InlineData(
        "US begins pulling troops out of Afghanistan",
        "The first American units left Bagram air base on Friday as the withdrawal from Afghanistan got under way.")]
    [InlineData(
        "Canadian soldiers killed in Kandahar blast",
        "Two Canadian soldiers died when a roadside bomb struck their armoured vehicle west of Kandahar city.")]
    [InlineData(
        "Coalition forces clash with insurgents",
        "Coalition and Afghan forces fought insurgents for several hours in Helmand province, a spokesman said.")]
    [InlineData(
        "French troops to stay in Afghanistan",
        "France will keep its troops in Afghanistan until next year, the defence ministry in Paris said.")]
    public void Score_ForeignForcesInAfghanistan_Alert(string title, string body)
    {
        // Act
        var match = Match(Topic, title, body);

        // Assert
        Assert.NotNull(match);
        Assert.True(match.Alert, $"score {match.Score}: {string.Join(" | ", match.Evidence.Select(e => e.Description))}");
    }

    [Theory]
    [InlineData(
        "Pakistani army attacks militant hideouts",
        "Pakistani troops backed by helicopters raided two compounds in the tribal region near the Afghan border, killing several fighters.")]
    [InlineData(
        "Afghan army retakes district",
        "Afghan government troops recaptured a district centre in Kandahar province after two days of fighting, the interior ministry said.")]
    [InlineData(
        "Engineers abducted in eastern Afghanistan",
        "Gunmen seized two Turkish engineers working on a road project in Kunar province; the Afghan interior ministry blamed militants.")]
    [InlineData(
        "UN pulls foreign staff out of Kandahar",
        "The United Nations moved its international staff out of Kandahar after an attack on its compound, a spokesman said.")]
    [InlineData(
        "Poland to send 300 more troops to Iraq",
        "Warsaw said the extra soldiers would join the multinational division south of Baghdad next month; some officers previously served in Afghanistan.")]
    [InlineData(
        "Afghans vote in presidential election",
        "Millions of Afghans queued at polling stations across Afghanistan as Afghan police and soldiers guarded the ballot boxes.")]
    [InlineData(
        "Contractors accused of abuse in Kabul",
        "Three Americans working as private contractors were charged in Kabul with running an illegal prison.")]
    public void Score_NearMisses_DoNotAlert(string title, string body)
    {
        // Act
        var match = Match(Topic, title, body);

        // Assert
        Assert.False(match?.Alert ?? false, $"score {match?.Score}: {string.Join(" | ", match?.Evidence.Select(e => e.Description) ?? [])}");
    }

    [Fact]
    public void Evidence_NamesActorAndPlace()
    {
        // Act
        var match = Match(Topic, "Turkish troops to stay in Kabul", "They will guard the airport.")!;

        // Assert
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actor: Turkish (TR)", StringComparison.Ordinal));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("place: Kabul → AF", StringComparison.Ordinal));
    }

    [Fact]
    public void Evidence_FailedConstraint_IsExplained()
    {
        // Act
        var match = Match(Topic, "Afghan forces arrest commander", "Afghan troops detained a local commander in Kandahar.")!;

        // Assert
        Assert.False(match.Alert);
        Assert.Contains(match.Evidence, e => e.Kind == "constraint" && e.Description.StartsWith("actors are only", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_SeedArticle_Alerts()
    {
        // Arrange
        var shared = SharedFolder();
        if (shared is null)
        {
            Assert.Skip("../shared is not present");
        }

        var lines = File.ReadAllLines(Path.Combine(shared, "corpus", "seed-article.txt"));
        var title = lines.First(l => l.Trim().Length > 0);
        var body = string.Join("\n", lines.SkipWhile(l => l != title).Skip(1));

        // Act
        var match = Match(Topic, title, body);

        // Assert
        Assert.NotNull(match);
        Assert.True(match.Alert);
        Assert.True(match.Score >= 0.8, $"score {match.Score}");
    }
}
