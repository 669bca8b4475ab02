namespace Alerts.Testing;

/// <summary>Short news items written for these tests: copies of one story and other stories on nearby subjects.</summary>
public static class StoryTexts
{
    public const string WireTitle = "Turkey rules out sending more troops to guard Kabul airport";

    public const string WireSummary =
        "Ankara will not deploy additional soldiers to protect Kabul's international airport once foreign forces " +
        "have left Afghanistan, the defence minister told reporters on Tuesday, adding that talks with Washington " +
        "on the mission were continuing.";

    // The same wire copy as run by a second outlet: own headline, lightly edited body.
    public const string SecondOutletTitle = "Turkey won't send extra soldiers to secure Kabul airport, minister says";

    public const string SecondOutletSummary =
        "Ankara will not deploy additional soldiers to protect Kabul's international airport once foreign forces " +
        "have left Afghanistan, the defence minister told reporters Tuesday, adding that talks with Washington " +
        "on the mission are continuing.";

    // The first outlet rewrote its headline an hour later.
    public const string EditedTitle = "Turkey will not send more troops to guard Kabul airport after withdrawal";

    // Same place, different story.
    public const string AirportReopensTitle = "Kabul airport reopens to domestic flights, Taliban says";

    public const string AirportReopensSummary =
        "Domestic flights resumed at Kabul's international airport on Saturday, a Taliban spokesman said, as Qatari " +
        "and Turkish technical teams worked to restore services after the departure of foreign forces from Afghanistan.";

    // Same region and subject (troops), different story.
    public const string BorderTitle = "Pakistan moves troops to Afghan border as refugees gather";

    public const string BorderSummary =
        "Islamabad has sent several thousand soldiers to border crossings with Afghanistan as families fleeing the " +
        "fighting gather near Torkham, officials said on Wednesday, while aid groups warned of shortages.";

    public const string OilTitle = "Oil prices jump after pipeline outage in Gulf";

    public const string OilSummary =
        "Brent crude rose 4 percent on Monday after an outage on a major pipeline cut supplies, traders said, adding " +
        "to worries about tight markets ahead of winter.";
}
