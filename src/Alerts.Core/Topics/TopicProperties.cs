using System.Text.Json;

namespace Alerts.Core.Topics;

/// <summary>
/// The properties a topic's JSON may have. One the app does not know is reported, not ignored: a constraint written
/// beside the query instead of inside <c>constraints</c> would otherwise be dropped without a word, and the topic
/// would alert on stories the writer meant to keep out.
/// </summary>
public static class TopicProperties
{
    private static readonly string[] TopicNames = ["id", "name", "description", "query", "groups", "constraints", "threshold"];

    private static readonly string[] ConstraintNames = ["places", "excludePlaces", "organisations", "actorNationalities", "excludeActorNationalities", "strict"];

    /// <summary>The unknown properties of a topic object: (path relative to the topic, what to write instead).</summary>
    public static IEnumerable<(string Path, string Problem)> Unknown(JsonElement topic)
    {
        if (topic.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in topic.EnumerateObject())
        {
            if (Known(TopicNames, property.Name))
            {
                if (property.Name.Equals("constraints", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var inner in UnknownConstraints(property.Value))
                    {
                        yield return inner;
                    }
                }

                continue;
            }

            yield return (property.Name, Known(ConstraintNames, property.Name) || IsOrganizations(property.Name)
                ? $"is a constraint: write it inside \"constraints\" (\"constraints\": {{ \"{(IsOrganizations(property.Name) ? "organisations" : property.Name)}\": ... }})"
                : "is not a property of a topic (a topic has id, name, description, query, groups, constraints and threshold)");
        }
    }

    private static IEnumerable<(string Path, string Problem)> UnknownConstraints(JsonElement constraints)
    {
        if (constraints.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in constraints.EnumerateObject().Where(p => !Known(ConstraintNames, p.Name)))
        {
            yield return ("constraints." + property.Name, IsOrganizations(property.Name)
                ? "is spelled organisations"
                : Known(TopicNames, property.Name)
                    ? "belongs to the topic, beside \"constraints\", not inside it"
                    : "is not a constraint (the constraints are places, excludePlaces, organisations, actorNationalities, excludeActorNationalities and strict)");
        }
    }

    private static bool Known(string[] names, string name) => names.Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static bool IsOrganizations(string name) => name.Equals("organizations", StringComparison.OrdinalIgnoreCase);
}
