using CrmBot.Channels;
using CrmBot.Conversations;
using CrmBot.Identity;
using CrmBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;

namespace CrmBot.Teams;

/// <summary>
/// What the bot says when it is installed in Teams, once per installation: the welcome and menu in a personal chat, a
/// short introduction in a team or group chat. Teams announces an installation twice, with an installationUpdate and a
/// conversationUpdate that adds the bot, in either order and possibly at the same moment; whichever comes first
/// records the installation in storage before it speaks, so the other finds it and stays silent.
/// </summary>
public sealed class InstallationGreeting(MainDialog main, IStorage storage, TimeProvider clock, IStringLocalizer<InstallationGreeting> text)
{
    public async Task GreetOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var key = KeyOf(turnContext.Activity);
        if ((await storage.ReadAsync([key], cancellationToken)).ContainsKey(key))
        {
            return;
        }

        try
        {
            // Without an eTag the item is new: the storage refuses it when the other announcement wrote it first.
            await storage.WriteAsync(new Dictionary<string, object> { [key] = new Installation(clock.GetUtcNow()) }, cancellationToken);
        }
        catch (StorageConflictException)
        {
            return;
        }

        await turnContext.SendActivityAsync(GreetingFor(turnContext), cancellationToken);
    }

    /// <summary>After the app is removed, installing it again greets again.</summary>
    public Task ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return storage.DeleteAsync([KeyOf(turnContext.Activity)], cancellationToken);
    }

    private IMessageActivity GreetingFor(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        if (activity.IsTeamsGroup())
        {
            var botName = string.IsNullOrWhiteSpace(activity.Recipient?.Name) ? "CrmBot" : activity.Recipient.Name;
            return MessageFactory.Text(text["Introduction", botName]);
        }

        var caller = turnContext.Caller();
        return main.Welcome(turnContext, caller.IsRep ? caller.DisplayName : activity.From?.Name);
    }

    /// <summary>One installation per team (whatever channel Teams names), else per conversation.</summary>
    private static string KeyOf(Activity activity)
    {
        var scope = activity.TeamsGetTeamInfo()?.Id ?? activity.Conversation?.Id
            ?? throw new InvalidOperationException("An installation in Teams always names its conversation.");
        return $"{activity.ChannelId}/installations/{scope}";
    }

    private sealed record Installation(DateTimeOffset GreetedAt);
}
