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
    [InlineData(
        "Norway to bring home half of its remaining soldiers from Afghanistan",
        "The government said the reduction would be completed by the end of the year.")]
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

    [Theory]
    [InlineData(
        "Islamabad shifts more soldiers to its western frontier",
        "The Pakistani army said additional troops had gone to border posts facing Afghanistan, fearing a flood of refugees as fighting spreads in Afghan provinces near the frontier.")]
    [InlineData(
        "Pakistani army reinforces border posts",
        "Pakistan has sent two more brigades to guard crossings, officials said, while Taliban fighters took Afghan districts along the Pakistani border last week.")]
    [InlineData(
        "Uzbekistan seals southern frontier",
        "Uzbek troops were deployed along the bridge at Termez as the Taliban overran Afghan towns close to the border; no soldiers will cross, Tashkent said.")]
    [InlineData(
        "Iran masses troops along its eastern border",
        "Tehran said the deployment was defensive after clashes in Afghanistan drove thousands of families towards the crossing points.")]
    public void Score_NeighbourTroopsOnOwnSideOfBorder_DoNotAlert(string title, string body)
    {
        // Act
        var match = Match(Topic, title, body);

        // Assert
        Assert.NotNull(match);
        Assert.False(match.Alert, $"score {match.Score}: {string.Join(" | ", match.Evidence.Select(e => e.Description))}");
        Assert.True(match.Score < 0.5, $"score {match.Score}");
        Assert.Contains(match.Evidence, e => e.Kind == "constraint");
    }

    [Fact]
    public void Score_PlaceOnlyNamedNearFrontier_ExplainsBorderArea()
    {
        // Act
        var match = Match(
            Topic,
            "Pakistan moves extra soldiers to the frontier",
            "Pakistan's army said it has sent more troops to posts on the border, as fighting spreads in Afghan provinces near the frontier.")!;

        // Assert
        Assert.False(match.Alert);
        Assert.Contains(match.Evidence, e => e.Kind == "constraint" && e.Description == "required place only mentioned as a border area");
    }

    [Fact]
    public void Score_HeadlineSendsTroopsToOwnFrontier_ExplainsOwnSide()
    {
        // Act
        var match = Match(
            Topic,
            "Pakistan moves extra soldiers to its western frontier",
            "The army said the troops would watch the border with Afghanistan.")!;

        // Assert
        Assert.False(match.Alert);
        Assert.Contains(match.Evidence, e => e.Kind == "constraint"
            && e.Description == "the headline keeps the forces on their own side of a border: to its western frontier");
    }

    [Theory]
    [InlineData(
        "US troops push into Afghan provinces near the Pakistani border",
        "American soldiers moved into the area to hunt militants who fled across the frontier, the military said.")]
    [InlineData(
        "NATO reinforcements arrive",
        "The alliance sent two battalions to Afghan districts along the border with Pakistan after a surge in attacks, a spokesman said.")]
    public void Score_ForeignTroopsInsideBorderProvinces_Alert(string title, string body)
    {
        // Act
        var match = Match(Topic, title, body);

        // Assert
        Assert.NotNull(match);
        Assert.True(match.Alert, $"score {match.Score}: {string.Join(" | ", match.Evidence.Select(e => e.Description))}");
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
    public void Explanation_ReadsAsVerdictThenEvidence()
    {
        // Arrange
        var match = Match(Topic, "Turkish troops to stay in Kabul", "They will guard the airport.")!;

        // Act
        var lines = Alerts.Core.Scoring.MatchExplanation.ToText(match).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Assert
        Assert.StartsWith("ALERT ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("afghanistan-foreign-troops (Foreign troop deployments in Afghanistan)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Trim() == "«Turkish» troops to stay in Kabul");
        Assert.Contains(lines, l => l.TrimStart().StartsWith("entity     actor: Turkish (TR)", StringComparison.Ordinal));
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
