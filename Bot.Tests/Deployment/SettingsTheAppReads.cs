using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using CrmBot.Domain.Persistence;
using CrmBot.DirectLine;

namespace CrmBot.Tests.Deployment;

/// <summary>
/// The configuration keys CrmBot reads: the keys of Bot/appsettings.json, the properties of the options classes bound
/// to a section (those with a <c>Section</c> constant), the Bot Framework's own keys and a few host settings.
/// </summary>
internal static class SettingsTheAppReads
{
    // Read by the Bot Framework's ConfigurationBotFrameworkAuthentication, not through an options class of ours.
    private static readonly string[] BotFrameworkKeys = ["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppType", "MicrosoftAppTenantId"];

    // Read by the ASP.NET Core host or by App Service itself, not by CrmBot's code.
    private static readonly string[] PlatformSettings = ["ASPNETCORE_ENVIRONMENT"];

    private static readonly Lazy<HashSet<string>> Keys = new(Collect);

    /// <summary>Whether an app setting, named the environment-variable way (<c>Section__Key</c>, <c>Section__List__0</c>), is read.</summary>
    public static bool Include(string appSettingName) =>
        PlatformSettings.Contains(appSettingName, StringComparer.OrdinalIgnoreCase) || Keys.Value.Contains(ConfigurationKey(appSettingName));

    /// <summary><c>Teams__AllowedTenants__0</c> is the first item of <c>Teams:AllowedTenants</c>.</summary>
    private static string ConfigurationKey(string appSettingName)
    {
        var segments = appSettingName.Split("__").ToList();
        while (segments.Count > 1 && segments[^1].Length > 0 && segments[^1].All(char.IsAsciiDigit))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return string.Join(':', segments);
    }

    private static HashSet<string> Collect()
    {
        var keys = new HashSet<string>(BotFrameworkKeys, StringComparer.OrdinalIgnoreCase);
        var appSettings = JsonNode.Parse(File.ReadAllText(Path.Combine(DeploymentFiles.RepositoryRoot, "Bot", "appsettings.json")))!;
        AddJsonKeys(keys, appSettings, prefix: null);
        foreach (var assembly in new[] { typeof(DirectLineOptions).Assembly, typeof(DatabaseOptions).Assembly })
        {
            foreach (var type in assembly.GetTypes())
            {
                if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                    && field.GetRawConstantValue() is string section)
                {
                    AddOptionKeys(keys, type, section);
                }
            }
        }

        return keys;
    }

    private static void AddJsonKeys(HashSet<string> keys, JsonNode node, string? prefix)
    {
        if (node is JsonObject { Count: > 0 } section)
        {
            foreach (var (name, child) in section)
            {
                AddJsonKeys(keys, child!, prefix is null ? name : $"{prefix}:{name}");
            }
        }
        else if (prefix is not null)
        {
            keys.Add(prefix);
        }
    }

    // As the configuration binder sees a class: settable properties, and get-only ones it fills in place (lists, our own
    // nested sections).
    private static void AddOptionKeys(HashSet<string> keys, Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{prefix}:{property.Name}";
            var settable = property.SetMethod is { IsPublic: true };
            if (IsValue(property.PropertyType))
            {
                if (settable)
                {
                    keys.Add(key);
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                keys.Add(key);
            }
            else if (property.PropertyType.Namespace?.StartsWith("CrmBot", StringComparison.Ordinal) == true)
            {
                AddOptionKeys(keys, property.PropertyType, key);
            }
        }
    }

    private static bool IsValue(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(TimeSpan) || underlying == typeof(TimeOnly) || underlying == typeof(DateOnly)
            || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(Guid) || underlying == typeof(Uri);
    }
}
