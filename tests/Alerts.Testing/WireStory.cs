namespace Alerts.Testing;

/// <summary>One story as two outlets ran it, and an unrelated story; written for these tests.</summary>
public static class WireStory
{
    public const string Title = "Turkey rules out sending more troops to guard Kabul airport";

    public const string Summary =
        "Ankara will not deploy additional soldiers to protect Kabul's international airport once foreign forces " +
        "have left Afghanistan, the defence minister told reporters on Tuesday, adding that talks with Washington " +
        "on the mission were continuing.";

    public const string SecondOutletTitle = "Turkey won't send extra soldiers to secure Kabul airport, minister says";

    public const string SecondOutletSummary =
        "Ankara will not deploy additional soldiers to protect Kabul's international airport once foreign forces " +
        "have left Afghanistan, the defence minister told reporters Tuesday, adding that talks with Washington " +
        "on the mission are continuing.";

    public const string OtherTitle = "Kabul airport reopens to domestic flights, Taliban says";

    public const string OtherSummary =
        "Domestic flights resumed at Kabul's international airport on Saturday, a Taliban spokesman said, as Qatari " +
        "and Turkish technical teams worked to restore services after the departure of foreign forces from Afghanistan.";
}
