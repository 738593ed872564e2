using System.Globalization;
using CrmBot.Dialogs;
using CrmBot.Identity;
using CrmBot.Teams;
using CrmBot.Understanding;
using CrmBot.Workflows.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using BotChannels = Microsoft.Bot.Connector.Channels;

namespace CrmBot.Conversations;

/// <summary>
/// The bot behind every channel: reads each message (<see cref="IUtteranceRecognizer"/>; a request for another language
/// is <see cref="LanguageSwitch"/>'s), runs <see cref="MainDialog"/>
/// and saves the conversation state once the turn is done. On the web it welcomes people who join; in Teams it greets
/// the conversation it is installed in, once (<see cref="InstallationGreeting"/>), and in channels and group chats
/// hears only the messages that @mention it.
/// </summary>
public sealed class DialogBot(
    MainDialog main,
    ConversationState conversationState,
    IUtteranceRecognizer recognizer,
    InstallationGreeting installation,
    ReminderButtons reminderButtons,
    WorkflowButtons workflowButtons,
    LanguageSwitch languageSwitch)
    : TeamsActivityHandler
{
    public const string DialogStateProperty = "DialogState";

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // A button of a delivered reminder or workflow notice acts on it and leaves whatever dialog is under way waiting.
        if (await reminderButtons.TryHandleAsync(turnContext, cancellationToken) || await workflowButtons.TryHandleAsync(turnContext, cancellationToken))
        {
            return;
        }

        var dialogState = conversationState.CreateProperty<DialogState>(DialogStateProperty);
        if (await languageSwitch.TryHandleAsync(turnContext, main, dialogState, cancellationToken))
        {
            return;
        }

        var recognition = new RecognitionContext { Locale = CultureInfo.CurrentCulture.Name, TimeZone = turnContext.Caller().Zone };
        turnContext.TurnState.Set(recognizer.Recognize(turnContext.Activity.Text, recognition));
        await main.RunAsync(turnContext, dialogState, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The bot is announced as a member too; it does not greet itself.
        foreach (var newcomer in membersAdded.Where(member => member.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(main.Welcome(turnContext, newcomer.Name), cancellationToken);
        }
    }

    // Teams: the bot greets when it is added itself, not each person who joins a team later. The base method would
    // first fetch every newcomer's profile from the Bot Connector, which this does not need.
    protected override Task OnTeamsMembersAddedDispatchAsync(
        IList<ChannelAccount> membersAdded, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        membersAdded.Any(member => member.Id == turnContext.Activity.Recipient?.Id)
            ? installation.GreetOnceAsync(turnContext, cancellationToken)
            : Task.CompletedTask;

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.ChannelId == BotChannels.Msteams ? installation.GreetOnceAsync(turnContext, cancellationToken) : Task.CompletedTask;

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.ChannelId == BotChannels.Msteams ? installation.ForgetAsync(turnContext, cancellationToken) : Task.CompletedTask;
}
