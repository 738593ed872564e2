using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrmBot.Domain.Persistence;

namespace CrmBot.Tests.Deployment;

/// <summary>
/// The Azure templates in <c>deploymentTemplates/</c> deploy what CrmBot needs and configure it with settings it
/// actually reads. Without the Azure CLI here, this is what catches a typo before a deployment does.
/// </summary>
public sealed partial class DeploymentTemplateTests
{
    public static TheoryData<string> Templates { get; } = new(DeploymentFiles.Templates());

    public static TheoryData<string> ParametersFiles { get; } = new(DeploymentFiles.ParametersFiles());

    private static readonly StringComparer ArmNames = StringComparer.OrdinalIgnoreCase;

    [Theory]
    [MemberData(nameof(Templates))]
    public void IsAnArmDeploymentTemplate(string template)
    {
        var json = DeploymentFiles.Read(template);

        Assert.EndsWith("/deploymentTemplate.json#", (string?)json["$schema"]);
        Assert.Equal("1.0.0.0", (string?)json["contentVersion"]);
        Assert.IsType<JsonObject>(json["parameters"]);
        Assert.NotEmpty(Assert.IsType<JsonArray>(json["resources"]));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryParameterAndVariableItUsesIsDeclared(string template)
    {
        var json = DeploymentFiles.Read(template);

        var undeclared = Strings(json)
            .SelectMany(text => Reference().Matches(text))
            .Where(match => !Declared(json, match.Groups[1].Value).Contains(match.Groups[2].Value))
            .Select(match => match.Value)
            .Distinct()
            .ToList();

        Assert.Empty(undeclared);
    }

    [Theory]
    [MemberData(nameof(ParametersFiles))]
    public void TheParametersFileGivesOnlyParametersItsTemplateDeclares(string file)
    {
        var parameters = DeploymentFiles.Read(file);
        var declared = Declared(DeploymentFiles.Read(DeploymentFiles.TemplateOf(file)), "parameters");

        var undeclared = Given(parameters).Where(name => !declared.Contains(name)).ToList();

        Assert.EndsWith("/deploymentParameters.json#", (string?)parameters["$schema"]);
        Assert.Equal("1.0.0.0", (string?)parameters["contentVersion"]);
        Assert.Empty(undeclared);
    }

    [Theory]
    [MemberData(nameof(ParametersFiles))]
    public void TheParametersFileHoldsNoSecretsAndLeavesOnlySecretsToTheCommandLine(string file)
    {
        var given = Given(DeploymentFiles.Read(file)).ToHashSet(ArmNames);
        var declared = DeploymentFiles.Read(DeploymentFiles.TemplateOf(file))["parameters"]!.AsObject();

        var secretsGiven = declared.Where(parameter => IsSecure(parameter.Value!) && given.Contains(parameter.Key)).Select(parameter => parameter.Key).ToList();
        var requiredMissing = declared
            .Where(parameter => parameter.Value!["defaultValue"] is null && !IsSecure(parameter.Value) && !given.Contains(parameter.Key))
            .Select(parameter => parameter.Key)
            .ToList();

        Assert.Empty(secretsGiven);
        Assert.Empty(requiredMissing);
    }

    [Fact]
    public void DeploysAWebAppAnAzureBotWithTeamsAndDirectLineAndAPostgreSqlDatabase()
    {
        var types = AllResources().Select(resource => (string)resource["type"]!).ToHashSet(ArmNames);
        var channels = ResourcesOfType("Microsoft.BotService/botServices/channels")
            .Select(channel => (string)channel["properties"]!["channelName"]!)
            .ToHashSet(ArmNames);

        Assert.Superset(
            new HashSet<string>(ArmNames)
            {
                "Microsoft.Web/serverfarms", "Microsoft.Web/sites", "Microsoft.BotService/botServices",
                "Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.DBforPostgreSQL/flexibleServers/databases",
            },
            types);
        Assert.Superset(new HashSet<string>(ArmNames) { "MsTeamsChannel", "DirectLineChannel" }, channels);
    }

    [Fact]
    public void AzureServicesMayReachTheDatabase()
    {
        var rules = ResourcesOfType("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules");

        Assert.Contains(rules, rule =>
            (string?)rule["properties"]!["startIpAddress"] == "0.0.0.0" && (string?)rule["properties"]!["endIpAddress"] == "0.0.0.0");
    }

    [Fact]
    public void TheBotsMessagingEndpointIsApiMessagesOnTheWebAppsHost()
    {
        var (template, bot) = Single("Microsoft.BotService/botServices");

        var endpoint = WithVariablesInlined(template, (string)bot["properties"]!["endpoint"]!);

        Assert.Matches(@"^\[format\('https://\{0\}/api/messages', reference\(resourceId\('Microsoft\.Web/sites', .+\)\.defaultHostName\)\]$", endpoint);
    }

    [Fact]
    public void TheWebAppRunsTheBotOnLinuxAndDotNet10OverHttpsOnlyAndAlwaysOn()
    {
        var (_, plan) = Single("Microsoft.Web/serverfarms");
        var (_, site) = Single("Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;

        Assert.True((bool?)plan["properties"]!["reserved"]);
        Assert.Contains("linux", (string?)site["kind"]);
        Assert.True((bool?)site["properties"]!["httpsOnly"]);
        Assert.Equal($"DOTNETCORE|{Environment.Version.Major}.0", (string?)config["linuxFxVersion"]);
        Assert.Equal($"dotnet {typeof(Program).Assembly.GetName().Name}.dll", (string?)config["appCommandLine"]);
        Assert.True((bool?)config["alwaysOn"]);
        Assert.False((bool?)config["webSocketsEnabled"]);
    }

    [Fact]
    public void EveryAppSettingIsOneTheAppReads()
    {
        var unread = AppSettings().Select(setting => setting.Name).Where(name => !SettingsTheAppReads.Include(name)).ToList();

        Assert.Empty(unread);
    }

    [Theory]
    [InlineData("Database__Provder")]
    [InlineData("Database__ConnectionStrings")]
    [InlineData("DirectLine__SigningKey")]
    [InlineData("Teams__AllowedTenant__0")]
    [InlineData("Crm__TimeZone")]
    [InlineData("MicrosoftAppSecret")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    public void AMisspelledOrUnknownSettingIsNotOneTheAppReads(string name)
    {
        Assert.False(SettingsTheAppReads.Include(name));
    }

    [Theory]
    [InlineData("Teams__AllowedTenants__0")]
    [InlineData("Jobs__Dashboard__PasswordHash")]
    [InlineData("DirectLine__TokenSigningKey")]
    [InlineData("database__seeddemodata")]
    [InlineData("MicrosoftAppTenantId")]
    [InlineData("ASPNETCORE_ENVIRONMENT")]
    public void ASettingNamedTheEnvironmentVariableWayIsOneTheAppReads(string name)
    {
        Assert.True(SettingsTheAppReads.Include(name));
    }

    [Theory]
    [InlineData("MicrosoftAppId")]
    [InlineData("MicrosoftAppPassword")]
    [InlineData("MicrosoftAppType")]
    [InlineData("MicrosoftAppTenantId")]
    [InlineData("Database__ConnectionString")]
    [InlineData("DirectLine__TokenSigningKey")]
    [InlineData("Teams__AllowedTenants__0")]
    [InlineData("Crm__DefaultTimeZone")]
    public void TheWebAppIsGiven(string setting)
    {
        Assert.Contains(setting, AppSettings().Select(s => s.Name));
    }

    [Theory]
    [InlineData("MicrosoftAppPassword")]
    [InlineData("DirectLine__Secret")]
    [InlineData("DirectLine__TokenSigningKey")]
    [InlineData("Jobs__Dashboard__PasswordHash")]
    public void ASecretSettingComesFromASecureParameter(string setting)
    {
        var (template, value) = AppSettings().Where(s => s.Name == setting).Select(s => (s.Template, s.Value)).Single();

        var parameter = Assert.Single(Reference().Matches(value), match => match.Groups[1].Value == "parameters").Groups[2].Value;

        Assert.True(IsSecure(template["parameters"]![parameter]!), $"{setting} comes from '{parameter}', which is not a securestring.");
    }

    [Fact]
    public void TheWebAppUsesPostgreSqlOverTlsAndStartsWithoutTheDemoShop()
    {
        var settings = AppSettings().ToDictionary(setting => setting.Name, setting => setting.Value);
        var (template, _) = Single("Microsoft.Web/sites");

        Assert.Equal(DatabaseProvider.PostgreSql, Enum.Parse<DatabaseProvider>(settings["Database__Provider"]));
        Assert.Contains("fullyQualifiedDomainName", settings["Database__ConnectionString"]);
        Assert.Contains("SSL Mode=Require", settings["Database__ConnectionString"]);
        Assert.Equal("[if(parameters('seedDemoData'), 'true', 'false')]", settings["Database__SeedDemoData"]);
        Assert.False((bool?)template["parameters"]!["seedDemoData"]!["defaultValue"]);
    }

    [Fact]
    public void OutputsTheWebAppUrlAndTheBotEndpoint()
    {
        var outputs = DeploymentFiles.Templates().SelectMany(name => DeploymentFiles.Read(name)["outputs"]?.AsObject() ?? [])
            .Select(output => output.Key);

        Assert.Superset(new HashSet<string>(ArmNames) { "webAppUrl", "botEndpoint" }, outputs.ToHashSet(ArmNames));
    }

    [GeneratedRegex(@"\b(parameters|variables)\('([^']+)'\)")]
    private static partial Regex Reference();

    private static IEnumerable<(JsonObject Template, JsonObject Resource)> TemplatesAndResources() =>
        DeploymentFiles.Templates()
            .Select(DeploymentFiles.Read)
            .SelectMany(template => template["resources"]!.AsArray().Select(resource => (template, resource!.AsObject())));

    private static IEnumerable<JsonObject> AllResources() => TemplatesAndResources().Select(pair => pair.Resource);

    private static IEnumerable<JsonObject> ResourcesOfType(string type) =>
        AllResources().Where(resource => ArmNames.Equals((string?)resource["type"], type));

    private static (JsonObject Template, JsonObject Resource) Single(string type) =>
        Assert.Single(TemplatesAndResources(), pair => ArmNames.Equals((string?)pair.Resource["type"], type));

    /// <summary>The web app's settings: its siteConfig's and those of any <c>sites/config</c> "appsettings" resource.</summary>
    private static IEnumerable<(JsonObject Template, string Name, string Value)> AppSettings()
    {
        foreach (var (template, resource) in TemplatesAndResources())
        {
            var type = (string?)resource["type"];
            if (ArmNames.Equals(type, "Microsoft.Web/sites") && resource["properties"]?["siteConfig"]?["appSettings"] is JsonArray settings)
            {
                foreach (var setting in settings)
                {
                    yield return (template, (string)setting!["name"]!, (string)setting["value"]!);
                }
            }
            else if (ArmNames.Equals(type, "Microsoft.Web/sites/config") && ((string?)resource["name"])?.Contains("appsettings", StringComparison.OrdinalIgnoreCase) == true)
            {
                foreach (var (name, value) in resource["properties"]!.AsObject())
                {
                    yield return (template, name, (string)value!);
                }
            }
        }
    }

    private static HashSet<string> Declared(JsonObject template, string kind) =>
        (template[kind]?.AsObject() ?? []).Select(entry => entry.Key).ToHashSet(ArmNames);

    private static IEnumerable<string> Given(JsonObject parametersFile) =>
        parametersFile["parameters"]!.AsObject().Select(parameter => parameter.Key);

    private static bool IsSecure(JsonNode parameter) =>
        ((string?)parameter["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Every string of a JSON document, property names included (ARM evaluates expressions in both).</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject json => json.SelectMany(property => Strings(property.Value).Prepend(property.Key)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue(out string? text) => [text],
        _ => [],
    };

    private static string WithVariablesInlined(JsonObject template, string expression) =>
        Reference().Replace(expression, match => match.Groups[1].Value == "variables"
            ? ((string)template["variables"]![match.Groups[2].Value]!).TrimStart('[').TrimEnd(']')
            : match.Value);
}
