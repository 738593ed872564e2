using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CrmBot.Benchmarks;

/// <summary>The baseline of the turns benchmark: replies to a message with its text, and does nothing else.</summary>
internal sealed class EchoBot : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
        }
    }
}
