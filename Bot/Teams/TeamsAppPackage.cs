using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmBot.Teams;

/// <summary>
/// The Teams app package an admin uploads: deploymentTemplates/teams/manifest.json with the bot's Microsoft App ID as
/// both the app's id and its bot's id, and the two icons it names, all at the root of a zip.
/// </summary>
public static class TeamsAppPackage
{
    public const string ManifestFile = "manifest.json";
    public const string ColorIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";

    // Bot.csproj embeds the files of deploymentTemplates/teams under this prefix, so a published binary can package too.
    private const string ResourcePrefix = "CrmBot.Teams.App.";

    // The manifest is read by Teams, never put in a web page: 张三 can stay as it is rather than \u5F20\u4E09.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The manifest as shipped, with placeholders where the bot's id goes.</summary>
    public static JsonObject ManifestTemplate()
    {
        using var stream = Open(ManifestFile);
        return JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidOperationException("The Teams manifest template is empty.");
    }

    /// <summary>The manifest of the bot registered as <paramref name="botId"/>: one registration, one Teams app.</summary>
    public static JsonObject ManifestFor(Guid botId)
    {
        var manifest = ManifestTemplate();
        var id = botId.ToString("D");
        manifest["id"] = id;
        foreach (var bot in manifest["bots"]?.AsArray() ?? [])
        {
            bot!["botId"] = id;
        }

        return manifest;
    }

    public static async Task WriteAsync(Stream destination, Guid botId, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(destination, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await using (var manifest = await zip.CreateEntry(ManifestFile).OpenAsync(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(manifest, ManifestFor(botId), Indented, cancellationToken);
        }

        foreach (var icon in (string[])[ColorIconFile, OutlineIconFile])
        {
            await using var entry = await zip.CreateEntry(icon).OpenAsync(cancellationToken);
            await using var source = Open(icon);
            await source.CopyToAsync(entry, cancellationToken);
        }
    }

    private static Stream Open(string file) =>
        typeof(TeamsAppPackage).Assembly.GetManifestResourceStream(ResourcePrefix + file)
        ?? throw new InvalidOperationException($"{file} of the Teams app is not embedded in the build.");
}
