namespace Alerts.Core.Evaluation;

/// <summary>
/// AG News, the public benchmark of news by section (and the corpus Alerts is evaluated on), numbers its four sections
/// 1-4 in a "Class" column; its README names them. Read as the articles' categories, so <c>category:</c> works on it as
/// on a feed's sections.
/// </summary>
public static class AgNewsSections
{
    /// <summary>The sections, in the order of their numbers.</summary>
    public static IReadOnlyList<string> Names { get; } = ["World", "Sports", "Business", "Sci/Tech"];

    /// <summary>The section a class number 1-4 stands for; null for any other value.</summary>
    public static string? Of(string? classNumber) =>
        int.TryParse(classNumber, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 4
            ? Names[number - 1]
            : null;
}
