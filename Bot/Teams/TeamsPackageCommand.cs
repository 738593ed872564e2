using System.CommandLine;

namespace CrmBot.Teams;

/// <summary>
/// <c>teams-package [--app-id &lt;guid&gt;] [--out crmbot-teams.zip]</c>: writes the Teams app package of this bot, for
/// the bot registration named by --app-id or, without it, by the configuration's MicrosoftAppId.
/// </summary>
internal static class TeamsPackageCommand
{
    public const string AppIdSetting = "MicrosoftAppId";

    public static Command Create(Func<IConfiguration> configuration)
    {
        var appId = new Option<string>("--app-id")
        {
            Description = $"The Microsoft App ID (a GUID) of the bot's Azure Bot registration; default: the configuration's {AppIdSetting}.",
            HelpName = "guid",
        };
        var output = new Option<FileInfo>("--out", "-o")
        {
            Description = "Where to write the package.",
            HelpName = "path",
            DefaultValueFactory = _ => new FileInfo("crmbot-teams.zip"),
        };

        var command = new Command(
            "teams-package",
            "Writes the Microsoft Teams app package (manifest.json with the bot's id, color.png, outline.png) to upload in " +
            "Teams or the Teams admin center.")
        {
            appId, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var id = parseResult.GetValue(appId) is { Length: > 0 } given ? given : configuration()[AppIdSetting];
            if (string.IsNullOrWhiteSpace(id))
            {
                await error.WriteLineAsync(
                    $"No bot id: give --app-id <guid> or set {AppIdSetting} (in appsettings.json or as an environment variable) " +
                    "to the Microsoft App ID of the bot's Azure Bot registration.");
                return 1;
            }

            if (!Guid.TryParse(id, out var botId) || botId == Guid.Empty)
            {
                await error.WriteLineAsync($"'{id}' is not a Microsoft App ID: it is a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.");
                return 1;
            }

            var file = parseResult.GetValue(output) ?? new FileInfo("crmbot-teams.zip");
            file.Directory?.Create();
            await using (var stream = file.Create())
            {
                await TeamsAppPackage.WriteAsync(stream, botId, cancellationToken);
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                $"Wrote {file.FullName} for bot {botId:D}. Upload it in Teams (Apps > Manage your apps > Upload an app) " +
                "or in the Teams admin center (Teams apps > Manage apps > Upload new app).");
            return 0;
        });
        return command;
    }
}
