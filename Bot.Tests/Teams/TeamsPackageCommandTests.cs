using System.IO.Compression;
using System.Text.Json.Nodes;
using CrmBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace CrmBot.Tests.Teams;

/// <summary><c>teams-package</c>: the zip an admin uploads to Teams, for the bot registration it is given.</summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string BotId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("crmbot-teams-").FullName;
    private readonly Dictionary<string, string?> _settings = new() { ["MicrosoftAppId"] = "" };

    private string Package => Path.Combine(_folder, "crmbot-teams.zip");

    [Fact]
    public async Task WritesTheManifestWithTheBotsIdAndTheTwoIconsAtTheRootOfTheZip()
    {
        var exitCode = await InvokeAsync("teams-package", "--app-id", BotId, "--out", Package);

        Assert.Equal(0, exitCode);
        Assert.Contains(Package, _output.ToString());
        await using var zip = await ZipFile.OpenReadAsync(Package, TestContext.Current.CancellationToken);
        Assert.Equal(["manifest.json", "color.png", "outline.png"], zip.Entries.Select(entry => entry.FullName));
        var manifest = await ManifestAsync(zip);
        Assert.Equal(BotId, (string?)manifest["id"]);
        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal(BotId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(scope => (string?)scope));
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheManifestHasWhatTeamsRequires()
    {
        await InvokeAsync("teams-package", "--app-id", BotId, "--out", Package);

        await using var zip = await ZipFile.OpenReadAsync(Package, TestContext.Current.CancellationToken);
        var manifest = await ManifestAsync(zip);
        Assert.Matches(@"^https://developer\.microsoft\.com/json-schemas/teams/v1\.\d+/MicrosoftTeams\.schema\.json$", (string?)manifest["$schema"]);
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{manifest["manifestVersion"]}/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Matches(@"^\d+\.\d+\.\d+$", (string?)manifest["version"]);
        Assert.InRange(((string?)manifest["name"]?["short"])?.Length ?? 0, 1, 30);
        Assert.InRange(((string?)manifest["description"]?["short"])?.Length ?? 0, 1, 80);
        Assert.InRange(((string?)manifest["description"]?["full"])?.Length ?? 0, 1, 4000);
        Assert.InRange(((string?)manifest["developer"]?["name"])?.Length ?? 0, 1, 32);
        Assert.All(["websiteUrl", "privacyUrl", "termsOfUseUrl"], url => Assert.StartsWith("https://", (string?)manifest["developer"]?[url]));
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string?)manifest["accentColor"]);
        Assert.NotNull(manifest["validDomains"]);
        var color = Icon(zip, (string)manifest["icons"]!["color"]!);
        Assert.Equal((192, 192), (color.Width, color.Height));
        var outline = Icon(zip, (string)manifest["icons"]!["outline"]!);
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        Assert.InRange(lists.Count, 1, 3);
        Assert.All(lists, list =>
        {
            Assert.All(list!["scopes"]!.AsArray(), scope => Assert.Contains((string?)scope, (string[])["personal", "team", "groupChat"]));
            var commands = list["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 10);
            Assert.All(commands, command =>
            {
                Assert.InRange(((string?)command!["title"])?.Length ?? 0, 1, 32);
                Assert.InRange(((string?)command["description"])?.Length ?? 0, 1, 128);
            });
        });
    }

    [Fact]
    public async Task OutlineIconIsWhiteOnTransparent()
    {
        await InvokeAsync("teams-package", "--app-id", BotId, "--out", Package);

        await using var zip = await ZipFile.OpenReadAsync(Package, TestContext.Current.CancellationToken);
        var pixels = Icon(zip, "outline.png").Pixels.ToList();

        Assert.All(pixels.Where(pixel => pixel.A > 0), pixel => Assert.Equal((255, 255, 255), (pixel.R, pixel.G, pixel.B)));
        Assert.Contains(pixels, pixel => pixel.A == 0);
        Assert.Contains(pixels, pixel => pixel.A == 255);
    }

    [Fact]
    public async Task TakesTheBotsIdFromTheConfigurationWithoutAppId()
    {
        _settings["MicrosoftAppId"] = BotId.ToUpperInvariant();

        var exitCode = await InvokeAsync("teams-package", "--out", Package);

        Assert.Equal(0, exitCode);
        await using var zip = await ZipFile.OpenReadAsync(Package, TestContext.Current.CancellationToken);
        Assert.Equal(BotId, (string?)(await ManifestAsync(zip))["id"]);
    }

    [Fact]
    public async Task RefusesWithoutABotIdAndSaysWhereToGiveIt()
    {
        var exitCode = await InvokeAsync("teams-package", "--out", Package);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--app-id", _error.ToString());
        Assert.Contains("MicrosoftAppId", _error.ToString());
        Assert.False(File.Exists(Package));
    }

    [Theory]
    [InlineData("my-bot")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task RefusesAnIdThatIsNotAMicrosoftAppId(string id)
    {
        var exitCode = await InvokeAsync("teams-package", "--app-id", id, "--out", Package);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"'{id}' is not a Microsoft App ID", _error.ToString());
        Assert.False(File.Exists(Package));
    }

    [Fact]
    public async Task TheHelpListsTheCommand()
    {
        var exitCode = await InvokeAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("teams-package", _output.ToString());
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<int> InvokeAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        return new CrmBotCommandLine(_ => Task.FromResult(0), [], configuration: () => configuration).InvokeAsync(args, _output, _error);
    }

    private static async Task<JsonObject> ManifestAsync(ZipArchive zip)
    {
        await using var manifest = await zip.GetEntry("manifest.json")!.OpenAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(manifest)!.AsObject();
    }

    private static Png Icon(ZipArchive zip, string name)
    {
        using var icon = zip.GetEntry(name)!.Open();
        return Png.Read(icon);
    }
}
