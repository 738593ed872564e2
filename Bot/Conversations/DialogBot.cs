using System.Globalization;
using CrmBot.Dialogs;
using CrmBot.Identity;
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
        var recognition = new RecognitionContext { Locale = CultureInfo.CurrentCulture.Name, TimeZone = TimeZoneOf(turnContext.Caller()) };
        turnContext.TurnState.Set(recognizer.Recognize(turnContext.Activity.Text, recognition));
        await main.RunAsync(turnContext, conversationState.CreateProperty<DialogState>(DialogStateProperty), cancellationToken);
    }

    /// <summary>Dates the caller types are read in their own zone when it is known; otherwise the recogniser uses the shop's.</summary>
    private static TimeZoneInfo? TimeZoneOf(Caller caller) =>
        caller.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    protected override async Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The bot is announced as a member too; it does not greet itself.
        foreach (var newcomer in membersAdded.Where(member => member.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(main.Welcome(turnContext, newcomer.Name), cancellationToken);
        }
    }
}
