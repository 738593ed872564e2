using System.Globalization;
using CrmBot.Dialogs;
using CrmBot.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CrmBot.Conversations;

/// <summary>
/// The bot behind every channel: welcomes people who join, reads each message (<see cref="IUtteranceRecognizer"/>),
/// runs <see cref="MainDialog"/> and saves the conversation state once the turn is done.
/// </summary>
public sealed class DialogBot(MainDialog main, ConversationState conversationState, IUtteranceRecognizer recognizer) : ActivityHandler
{
    public const string DialogStateProperty = "DialogState";

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        turnContext.TurnState.Set(recognizer.Recognize(turnContext.Activity.Text, new RecognitionContext { Locale = CultureInfo.CurrentCulture.Name }));
        await main.RunAsync(turnContext, conversationState.CreateProperty<DialogState>(DialogStateProperty), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The bot is announced as a member too; it does not greet itself.
        foreach (var newcomer in membersAdded.Where(member => member.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(main.Menu(main.WelcomeFor(newcomer.Name)), cancellationToken);
        }
    }
}
