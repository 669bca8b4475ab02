namespace Alerts.IntegrationTests.Http;

/// <summary>More stories written for these tests, besides <see cref="Support.Feeds"/>.</summary>
internal static class Stories
{
    /// <summary>A second story the sample Afghanistan topic must alert on.</summary>
    public static readonly (string Title, string Link, string Summary) HelmandStory = (
        "British soldiers deployed to Helmand as NATO reinforces its Afghanistan mission",
        "https://news.example.org/world/british-soldiers-helmand",
        "Britain sent 400 more troops to Helmand province in Afghanistan, where NATO forces are fighting the Taliban.");

    /// <summary>A story only a ransomware topic added during a test would match.</summary>
    public static readonly (string Title, string Link, string Summary) RansomwareStory = (
        "Ransomware gang locks hospital computers across three counties",
        "https://news.example.org/tech/ransomware-hospital-computers",
        "A ransomware attack encrypted hospital computers and forced staff back to paper records, the health service said.");

    /// <summary>Another ransomware story, pushed once the topic exists.</summary>
    public static readonly (string Title, string Link, string Summary) SecondRansomwareStory = (
        "Second hospital network hit by ransomware attack on computers",
        "https://news.example.org/tech/second-hospital-ransomware",
        "Another ransomware attack took hospital computers offline, delaying operations for a week.");
}
