using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace Alerts.IntegrationTests.Infra;

/// <summary>
/// infra/ proven on every test run: the templates build and lint with the Bicep CLI of the NuGet package (no warning),
/// and the compiled ARM template holds what security and operation depend on, with the queue and table names the code
/// uses.
/// </summary>
public sealed class BicepTemplateTests
{
    private static readonly Lazy<JsonObject> Template = new(Build);

    [Fact]
    public void Bicep_EveryFile_LintsWithoutWarnings()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root(), "infra"), "*.bicep", SearchOption.AllDirectories))
        {
            var (exit, output, errors) = RunBicep("lint", file);
            Assert.True(exit == 0 && errors.Trim().Length == 0 && output.Trim().Length == 0, $"bicep lint {file}: {exit}\n{output}\n{errors}");
        }
    }

    [Fact]
    public void Template_Storage_SharedKeysOffHttpsOnlyTls12NoPublicBlobs()
    {
        var account = Assert.Single(Resources(Template.Value), r => Type(r) == "Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;

        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
    }

    [Fact]
    public void Template_FunctionApp_HttpsOnlyFtpsOffManagedIdentityNoPlainSecrets()
    {
        var site = Assert.Single(Resources(Template.Value), r => Type(r) == "Microsoft.Web/sites");
        // The settings are an expression over the module's variables: read them where they are written.
        var module = Assert.Single(Resources(Template.Value), r => Type(r) == "Microsoft.Resources/deployments"
            && r["properties"]!["template"]!.ToJsonString().Contains("Microsoft.Web/sites/config", StringComparison.Ordinal));
        var values = JsonSerializer.Serialize(module["properties"]!["template"], new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.True(site["properties"]!["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("Disabled", site["properties"]!["siteConfig"]!["ftpsState"]!.GetValue<string>());
        Assert.Equal("1.2", site["properties"]!["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("SystemAssigned", site["identity"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("AccountKey=", values, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sig=", values, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in new[] { "Alerts__Smtp__Password", "Alerts__UnsubscribeSigningKey" })
        {
            var at = values.IndexOf(secret, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{secret} is not set by the template");
            // Compiled, a setting reads 'Name', format('@Microsoft.KeyVault(SecretUri={0})', ...): its value follows its name.
            Assert.Contains("@Microsoft.KeyVault(", values.Substring(at, Math.Min(80, values.Length - at)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Template_QueuesAndTables_AreTheOnesTheCodeUses()
    {
        var code = StorageNames.FromConfiguration(new ConfigurationBuilder().Build());
        var variables = Template.Value["variables"]!;

        var tables = variables["tableNames"]!.AsArray().Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal);
        var queues = variables["queueNames"]!.AsObject().Select(q => q.Value!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(code.Tables.Order(StringComparer.Ordinal), tables);
        Assert.Equal(code.WorkQueues.Order(StringComparer.Ordinal), queues);
        Assert.Contains(Resources(Template.Value), r => Type(r) == "Microsoft.Storage/storageAccounts/queueServices/queues"
            && r["name"]!.ToJsonString().Contains("-poison", StringComparison.Ordinal));
    }

    [Fact]
    public void Template_Monitoring_WorkbookAndEveryAlertRule()
    {
        var resources = Resources(Template.Value).ToList();
        var rules = Template.Value.ToJsonString();

        Assert.Contains(resources, r => Type(r) == "Microsoft.Insights/workbooks");
        Assert.Contains(resources, r => Type(r) == "Microsoft.Insights/actionGroups");
        Assert.Equal(2, resources.Count(r => Type(r) == "Microsoft.Insights/scheduledQueryRules"));
        foreach (var rule in new[] { "alerts-poison-messages", "alerts-delivery-failures", "alerts-no-new-articles", "alerts-source-failing", "alerts-topic-silent" })
        {
            Assert.Contains(rule, rules, StringComparison.Ordinal);
        }

        // Each rule reads a metric the app really publishes.
        foreach (var metric in new[] { "alerts.queue.poison", "alerts.notifications", "alerts.feed.entries", "alerts.feed.fetches", "alerts.topic.matches" })
        {
            Assert.Contains(metric, rules, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Template_Roles_OnlyTheDataRolesTheAppNeeds()
    {
        var roles = Resources(Template.Value).Where(r => Type(r) == "Microsoft.Authorization/roleAssignments").ToList();
        var text = string.Join("\n", Template.Value.ToJsonString());

        Assert.NotEmpty(roles);
        Assert.All(roles, role => Assert.Contains("roleDefinitions", role["properties"]!["roleDefinitionId"]!.ToJsonString(), StringComparison.Ordinal));

        // Exactly these built-in roles, and no other: the app's data roles and the operator's.
        var granted = System.Text.RegularExpressions.Regex.Matches(
                Assert.Single(Resources(Template.Value), r => Type(r) == "Microsoft.Resources/deployments" && r["name"]?.GetValue<string>() == "roles")["properties"]!["template"]!["variables"]!.ToJsonString(),
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
            .Select(m => m.Value)
            .ToHashSet();
        Assert.Equal(
            new HashSet<string>
            {
                "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner (deployment package, host leases)
                "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
                "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User (the app)
                "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", // Key Vault Secrets Officer (the operator)
                "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
                "a97b65f3-24c7-4388-baec-2e87135dc908", // Cognitive Services User
            },
            granted);
        // Owner, Contributor and User Access Administrator: never granted by this template.
        Assert.DoesNotContain("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", text, StringComparison.Ordinal);
        Assert.DoesNotContain("b24988ac-6180-42a0-ab88-20f7382dd24c", text, StringComparison.Ordinal);
        Assert.DoesNotContain("18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", text, StringComparison.Ordinal);
    }

    private static JsonObject Build()
    {
        var (exit, output, errors) = RunBicep("build", Path.Combine(Repository.Root(), "infra", "main.bicep"), "--stdout");
        Assert.True(exit == 0 && errors.Trim().Length == 0, $"bicep build: {exit}\n{errors}");
        return JsonNode.Parse(output)!.AsObject();
    }

    // Every resource of the template and of the modules it deploys.
    private static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject named => named.Select(r => r.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (Type(resource) == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Type(JsonObject resource) => resource["type"]!.GetValue<string>();

    private static (int Exit, string Output, string Errors) RunBicep(params string[] arguments)
    {
        var bicep = typeof(BicepTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        if (!OperatingSystem.IsWindows())
        {
            // NuGet does not keep the executable bit of package files.
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(bicep) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Bicep needs no ICU, which minimal machines lack.
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(2));
        return (process.ExitCode, output.Result, errors.Result);
    }
}
