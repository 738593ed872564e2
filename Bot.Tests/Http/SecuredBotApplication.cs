namespace CrmBot.Tests.Http;

/// <summary>CrmBot registered with Azure Bot Service: every request to /api/messages must carry a Bot Connector token.</summary>
public sealed class SecuredBotApplication : BotApplication
{
    public const string AppId = "5b7f4b4e-6c4a-4b55-9d1e-1c1d2a3b4c5d";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-a-real-secret",
    };
}
