using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>
/// Welcomes people who join a conversation and introduces CrmBot when they write. A stand-in until the dialogs
/// (customer lookup, orders, tracking) arrive.
/// </summary>
public sealed class GreetingBot(IStringLocalizer<GreetingBot> messages) : ActivityHandler
{
    protected override async Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The bot is announced as a member too; it does not greet itself.
        var newcomers = membersAdded.Where(member => member.Id != turnContext.Activity.Recipient?.Id);
        foreach (var newcomer in newcomers)
        {
            var welcome = string.IsNullOrWhiteSpace(newcomer.Name) ? messages["Welcome"] : messages["WelcomeNamed", newcomer.Name];
            await turnContext.SendActivityAsync(MessageFactory.Text(welcome), cancellationToken);
        }
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(messages["Introduction"]), cancellationToken);
}
