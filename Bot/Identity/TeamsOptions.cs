namespace CrmBot.Identity;

/// <summary>Section "Teams".</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>Microsoft Entra tenant ids whose users may talk to the bot in Teams; empty allows any tenant.</summary>
    public IList<string> AllowedTenants { get; } = [];
}
