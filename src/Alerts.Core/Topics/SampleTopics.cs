namespace Alerts.Core.Topics;

/// <summary>Built-in example topics: used by <c>alerts score</c> without <c>--topics</c>, the demo and tests.</summary>
public static class SampleTopics
{
    /// <summary>Foreign (non-Afghan) troops deployed, reinforced, withdrawn or operating in Afghanistan.</summary>
    public static WatchTopic AfghanistanForeignTroops { get; } = new(
        "afghanistan-foreign-troops",
        "Foreign troop deployments in Afghanistan",
        "(troop* OR soldier* OR forces OR army OR military OR marines OR paratroop* OR peacekeep* OR garrison* "
        + "OR battalion* OR brigade* OR contingent* OR NATO OR ISAF OR coalition) "
        + "(Afghanistan OR Afghan OR Afghans OR Kabul OR Kandahar OR Helmand OR Bagram OR Taliban)")
    {
        Description = "Foreign forces (US, NATO, coalition, or any other non-Afghan country) deployed, reinforced, "
            + "withdrawn or operating in Afghanistan. Not: Afghan forces alone, troops near the border in Pakistan, "
            + "foreign civilians, other countries' wars.",
        Constraints = new TopicConstraints
        {
            Places = ["Afghanistan"],
            ExcludeActorNationalities = ["Afghanistan"],
            // "Foreign" is the point of this topic: a story that names nobody next to the troops is not sent.
            Strict = true,
        },
    };

    /// <summary>Events that disrupt oil supply and move prices.</summary>
    public static WatchTopic OilSupplyShocks { get; } = new(
        "oil-supply-shocks",
        "Oil supply shocks",
        "(oil OR crude OR OPEC OR petroleum) "
        + "(supply OR supplies OR output OR production OR exports OR pipeline* OR refiner*) "
        + "(disrupt* OR cut OR cuts OR shortage* OR outage* OR halt* OR attack* OR sabotage* OR strike* OR hurricane* OR shut*)")
    {
        Description = "Attacks, strikes, storms, embargoes or production cuts that disrupt oil supply.",
    };

    /// <summary>Iran's nuclear programme and the diplomacy around it.</summary>
    public static WatchTopic IranNuclearProgramme { get; } = new(
        "iran-nuclear-programme",
        "Iran's nuclear programme",
        "(nuclear OR uranium OR enrichment OR centrifuge* OR IAEA) (Iran OR Iranian OR Tehran)")
    {
        Description = "Iran's uranium enrichment, inspections and sanctions over its nuclear programme.",
        Constraints = new TopicConstraints { Places = ["Iran"] },
    };

    /// <summary>Computer viruses, worms and intrusions.</summary>
    public static WatchTopic CyberAttacks { get; } = new(
        "cyber-attacks",
        "Computer viruses and cyber attacks",
        "(virus* OR worm OR worms OR trojan* OR malware OR spyware OR phishing OR hacker* OR \"denial of service\" OR botnet*) "
        + "(computer* OR PC OR PCs OR windows OR software OR internet OR online OR e-mail OR email OR network*) "
        + "-flu -bird -HIV")
    {
        Description = "Malicious software and attacks on computers and networks.",
    };

    /// <summary>Every sample topic.</summary>
    public static IReadOnlyList<WatchTopic> All { get; } =
        [AfghanistanForeignTroops, OilSupplyShocks, IranNuclearProgramme, CyberAttacks];
}
