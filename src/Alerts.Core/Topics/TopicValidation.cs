using System.Text.RegularExpressions;
using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Topics.Query;

namespace Alerts.Core.Topics;

/// <summary>One problem with a topic.</summary>
/// <param name="Field">The field at fault, e.g. <c>query</c>, <c>id</c>, <c>constraints.places[1]</c>.</param>
/// <param name="Message">What is wrong, readable by the topic's author.</param>
/// <param name="Position">For query errors, the 1-based character position.</param>
/// <param name="Expected">For query errors, what the parser expected there.</param>
public sealed record TopicValidationError(string Field, string Message, int? Position = null, string? Expected = null)
{
    /// <summary>"field: message", e.g. <c>query: expected ')' at position 17</c>.</summary>
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>Checks a topic before it is stored or indexed.</summary>
public static partial class TopicValidation
{
    /// <summary>
    /// Longest accepted query, in characters: room for a league's teams or an industry's companies listed by name (a
    /// writer's college football topic of the twenty-seventh evaluation set took 4,727), while the parser's depth and
    /// distance limits keep any query cheap to match.
    /// </summary>
    public const int MaxQueryLength = 10_000;

    /// <summary>Returns every problem found; empty when the topic is valid.</summary>
    public static IReadOnlyList<TopicValidationError> Validate(WatchTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var errors = new List<TopicValidationError>();
        if (string.IsNullOrWhiteSpace(topic.Id) || topic.Id.Length > 100 || !IdPattern().IsMatch(topic.Id))
        {
            errors.Add(new("id", "must be 1-100 lower-case letters, digits and dashes, starting with a letter or digit"));
        }

        if (string.IsNullOrWhiteSpace(topic.Name) || topic.Name.Length > 200)
        {
            errors.Add(new("name", "must be 1-200 characters"));
        }

        if (topic.Threshold is < 0 or > 1 || double.IsNaN(topic.Threshold))
        {
            errors.Add(new("threshold", "must be between 0 and 1"));
        }

        if (ValidateGroups(topic.Groups, errors))
        {
            ValidateQuery(topic.Query, topic.Groups, errors);
        }

        ValidateConstraints(topic.Constraints, errors);
        return errors;
    }

    // Each group on its own: a well-formed name, a text that parses as the bracket it stands for, no group inside a
    // group. False when one is wrong, since the query could not be read with it.
    private static bool ValidateGroups(IReadOnlyDictionary<string, string>? groups, List<TopicValidationError> errors)
    {
        if (groups is null || groups.Count == 0)
        {
            return true;
        }

        var before = errors.Count;
        if (groups.Count > QueryGroups.MaxGroups)
        {
            errors.Add(new("groups", $"at most {QueryGroups.MaxGroups} groups"));
            return false;
        }

        foreach (var (name, text) in groups)
        {
            var field = $"groups.{name}";
            if (!QueryGroups.IsValidName(name))
            {
                errors.Add(new(field, $"a group's name is a letter, then letters, digits or dashes, at most {QueryGroups.MaxNameLength} characters (used as @name in the query)"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(new(field, "must not be empty"));
                continue;
            }

            if (text.Length > MaxQueryLength)
            {
                errors.Add(new(field, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be at most {MaxQueryLength:N0} characters")));
                continue;
            }

            if (groups.Keys.Count(other => string.Equals(other, name, StringComparison.OrdinalIgnoreCase)) > 1)
            {
                errors.Add(new(field, "two groups have this name (names are read in any case): rename one"));
                continue;
            }

            try
            {
                if (QueryGroups.NamesUsedIn(text, groups).FirstOrDefault() is { } inner)
                {
                    errors.Add(new(field, $"a group cannot use another group (@{inner}): write its words out"));
                    continue;
                }

                QueryParser.Parse(text);
            }
            catch (QueryParseException e)
            {
                errors.Add(new(field, e.Message, e.Position, e.Expected));
            }
        }

        return errors.Count == before;
    }

    private static void ValidateQuery(string? query, IReadOnlyDictionary<string, string>? groups, List<TopicValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            errors.Add(new("query", "must not be empty"));
            return;
        }

        if (query.Length > MaxQueryLength)
        {
            errors.Add(new("query", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be at most {MaxQueryLength:N0} characters")));
            return;
        }

        var toWritten = (Func<int, int>)(position => position);
        try
        {
            // Measured before it is written out: a short query can use a long group thousands of times.
            if (QueryGroups.ExpandedLength(query, groups) is var length && length > QueryGroups.MaxExpandedLength)
            {
                errors.Add(new("query", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"with its groups written out must be at most {QueryGroups.MaxExpandedLength:N0} characters (it is {length:N0}): use a long group fewer times")));
                return;
            }

            (var expanded, toWritten) = QueryGroups.ExpandMapped(query, groups);

            var node = QueryParser.Parse(expanded);
            if (CategoryNode.IsAlternativeToWords(node))
            {
                errors.Add(new("query", "offers category: as an alternative to words: a category only narrows what the words find, so write it as a clause of its own (Brazil category:World, Brazil -category:Sports)"));
            }
            else if (!AsksForSomething(node))
            {
                errors.Add(new("query", "needs at least one word, phrase or place: that must appear (a query of only NOT clauses matches almost everything, and category: only narrows what the words find)"));
            }
        }
        catch (QueryParseException e)
        {
            // Positions of the query as written, not of the query with its groups put in (the expected text may
            // name one too: "the phrase opened at position 5").
            var position = toWritten(e.Position);
            var expected = PhraseOpenedAt().Replace(e.Expected, m => int.TryParse(m.Groups[2].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var opened)
                ? m.Groups[1].Value + toWritten(opened).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : m.Value);
            errors.Add(new("query", $"expected {expected} at position {position}", position, expected));
        }
    }

    // Whether a query asks for something an article must have: a word or phrase (what the presearcher files it under)
    // or a place (place:Ohio, which it cannot file under every town of the state).
    private static bool AsksForSomething(QueryNode node) => node switch
    {
        PlaceNode => true,
        NotNode => false,
        AndNode and => and.Children.Any(AsksForSomething),
        OrNode or => or.Children.All(AsksForSomething),
        NearNode near => AsksForSomething(near.Left) || AsksForSomething(near.Right),
        NotNearNode notNear => AsksForSomething(notNear.Left),
        _ => node.GetRequiredKeySets().Count > 0,
    };

    private static void ValidateConstraints(TopicConstraints? constraints, List<TopicValidationError> errors)
    {
        if (constraints is null)
        {
            return;
        }

        CheckNames("constraints.places", constraints.Places, errors, UnknownPlace);
        CheckNames("constraints.excludePlaces", constraints.ExcludePlaces, errors, place => UnknownPlace(place) ?? RequiredToo(place, constraints.Places));
        CheckNames("constraints.organisations", constraints.Organisations, errors, _ => null);
        CheckNames("constraints.actorNationalities", constraints.ActorNationalities, errors, UnknownNationality);
        CheckNames("constraints.excludeActorNationalities", constraints.ExcludeActorNationalities, errors,
            nationality => UnknownNationality(nationality) ?? RequiredNationalityToo(nationality, constraints.ActorNationalities));
    }

    // A place the recogniser does not know could never be recognised in a story: the topic would silently never alert.
    private static string? UnknownPlace(string name)
    {
        if (PlaceSet.IsKnown(name, Gazetteer.Default))
        {
            return null;
        }

        // "Iraq, Syria": two places written as one, not a place inside another.
        var parts = name.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && parts.All(p => PlaceSet.IsKnown(p, Gazetteer.Default)))
        {
            return $"unknown place '{name}': {string.Join(" and ", parts.Select(p => $"'{p}'"))} are places, but the first does not lie in the last; list them as separate places";
        }

        var suggestions = Gazetteer.Default.Suggest(name);
        return $"unknown place '{name}': use {PlaceSet.KnownKinds}"
            + (suggestions.Count == 0 ? string.Empty : "; did you mean " + string.Join(" or ", suggestions.Select(s => $"'{s}'")) + "?");
    }

    // Excluding a required place, or the country or state around it, leaves the topic nothing to alert on.
    private static string? RequiredToo(string excludedName, IReadOnlyList<string>? required)
    {
        var excluded = new PlaceSet();
        if (!excluded.Add(excludedName, Gazetteer.Default))
        {
            return null;
        }

        var within = required?.FirstOrDefault(name => !string.IsNullOrWhiteSpace(name) && TakesIn(excluded, name));
        return RequiredAndExcluded(excludedName, within, "place", "no story could both happen there and not");
    }

    // The message for an excluded name that is, or takes in, a required one; null when none is.
    private static string? RequiredAndExcluded(string excludedName, string? within, string what, string consequence) =>
        within is null ? null
            : string.Equals(within.Trim(), excludedName.Trim(), StringComparison.OrdinalIgnoreCase) ? $"'{excludedName}' is also a required {what}: {consequence}"
            : $"'{excludedName}' takes in the required {what} '{within}': {consequence}";

    // A place inside the excluded ones, or a region all of whose countries are excluded ("West Africa" in "Africa").
    private static bool TakesIn(PlaceSet excluded, string requiredName)
    {
        if (Gazetteer.Default.Resolve(requiredName) is { } place)
        {
            return excluded.Holds(place);
        }

        return Gazetteer.Default.Areas.Resolve(requiredName) is { } area && area.CountryCodes.All(excluded.Countries.Contains);
    }

    private static string? UnknownNationality(string name) =>
        ResolvedConstraints.NationalityCodes(name, Gazetteer.Default).Count == 0
            ? $"unknown nationality '{name}': use a country, a nationality or a world region the recogniser knows, such as 'Turkey', 'Turkish' or 'Europe'"
            : null;

    // An actor must be of a required nationality and not an excluded one: excluding all of a required nationality (or
    // the region around it) leaves it no actor.
    private static string? RequiredNationalityToo(string excludedName, IReadOnlyList<string>? required)
    {
        var excluded = ResolvedConstraints.NationalityCodes(excludedName, Gazetteer.Default);
        var within = required?.FirstOrDefault(name => ResolvedConstraints.NationalityCodes(name, Gazetteer.Default) is { Count: > 0 } codes
            && codes.All(excluded.Contains));
        return RequiredAndExcluded(excludedName, within, "nationality", "no actor could be both");
    }

    private static void CheckNames(string field, IReadOnlyList<string>? names, List<TopicValidationError> errors, Func<string, string?> check)
    {
        if (names is null)
        {
            return;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                errors.Add(new($"{field}[{i}]", "must not be empty"));
            }
            else if (check(names[i]) is { } message)
            {
                errors.Add(new($"{field}[{i}]", message));
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    // The one message of the parser that names a position of its own: a phrase left open.
    [GeneratedRegex(@"(for the phrase opened at position )(\d+)$")]
    private static partial Regex PhraseOpenedAt();
}
