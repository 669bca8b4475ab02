using Alerts.Core.Text;

namespace Alerts.Core.Topics.Query;

/// <summary>
/// The abbreviations the press writes for an office or a rank before a person's name ("Sen. John Kerry", "Gov. Jeb
/// Bush", "Lt. Gen. Ricardo Sanchez"): a query's <c>senator</c> finds them there, as a reader takes them. Only where
/// the abbreviation has its capital and full stop and a name follows (<see cref="Text.AnalyzedDocument.IsAbbreviationBeforeName"/>):
/// elsewhere the same letters are other words ("gen", "rep" for a sales rep).
/// </summary>
/// <remarks>
/// Left out on purpose: ranks whose word is an everyday word in other senses that topics use on their own ("Maj." for
/// <c>major</c>, "Pvt." and "Pfc." for <c>private</c>, "Spc." for <c>specialist</c>), and academic titles ("Dr.",
/// "Prof."), which stand before researchers as often as before a doctor or a teacher. The person-name rules keep
/// their own, wider list of titles before names (Mr., Dr., Pfc.): they ask whether a name follows a title, this asks
/// which word of a query a title stands for.
/// </remarks>
internal static class TitleAbbreviations
{
    private static readonly Dictionary<string, Abbreviations> ByWord = Build(
        (["senator", "senators"], ["Sen", "Sens"]),
        (["governor", "governors"], ["Gov", "Govs"]),
        (["representative", "representatives", "congressman", "congresswoman", "congressmen"], ["Rep", "Reps"]),
        (["general", "generals"], ["Gen"]),
        (["lieutenant", "lieutenants"], ["Lt"]),
        (["colonel", "colonels"], ["Col"]),
        (["captain", "captains"], ["Capt"]),
        (["corporal", "corporals"], ["Cpl"]),
        (["sergeant", "sergeants"], ["Sgt"]),
        (["admiral", "admirals"], ["Adm"]),
        (["commander", "commanders"], ["Cmdr"]),
        (["reverend", "reverends"], ["Rev", "Revs"]));

    /// <summary>The abbreviations of a word the query writes (folded), or none.</summary>
    public static Abbreviations? Of(string folded) => ByWord.GetValueOrDefault(folded);

    private static Dictionary<string, Abbreviations> Build(params (string[] Words, string[] Written)[] families) =>
        families
            .SelectMany(family =>
            {
                // The stems the analyser gives the abbreviations ("Sens" and "Sen" share one), worked out once.
                var abbreviations = new Abbreviations(family.Written[0] + ".", [.. family.Written.Select(a => TextAnalyzer.Analyze(a)[0].Stem).Distinct(StringComparer.Ordinal)]);
                return family.Words.Select(word => (word, abbreviations));
            })
            .ToDictionary(p => p.word, p => p.abbreviations, StringComparer.Ordinal);

    /// <summary>One office's or rank's abbreviations: as shown ("Sen.") and the stems looked up.</summary>
    internal sealed record Abbreviations(string Shown, IReadOnlyList<string> Stems);
}
