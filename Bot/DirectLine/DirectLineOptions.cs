namespace CrmBot.DirectLine;

/// <summary>Section "DirectLine": the bot's own Direct Line 3.0 endpoint for the embedded web chat.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>
    /// The master key a trusted site (the shop's back end) uses to mint tokens, also for signed-in customers. Empty
    /// turns the secret off: only the web chat page's anonymous visitor tokens are handed out.
    /// </summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>
    /// Base64 of at least 32 random bytes that sign the tokens. Every instance serving the same conversations must
    /// share it; when empty, one is generated on first start and kept in the data directory.
    /// </summary>
    public string TokenSigningKey { get; set; } = string.Empty;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Whether the secret may mint tokens for sales reps (<c>rep:&lt;id&gt;</c>), for trying rep dialogs locally.</summary>
    public bool AllowRepTokens { get; set; }

    /// <summary>Anonymous visitor tokens one client address may get per minute from the web chat page's endpoint.</summary>
    public int VisitorTokensPerMinute { get; set; } = 10;

    /// <summary>Origins whose pages may call the Direct Line endpoint from the browser; "*" allows any (tokens are the guard).</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Conversations idle for longer are deleted with their activities.</summary>
    public TimeSpan ConversationRetention { get; set; } = TimeSpan.FromDays(30);

    public string BotId { get; set; } = "crmbot";

    public string BotName { get; set; } = "CrmBot";
}
