using CrmBot.Dialogs;
using CrmBot.Domain.Orders;
using Microsoft.Bot.Builder;

namespace CrmBot.Conversations;

/// <summary>Asks for an order number and ends with it normalised (SO-10042), however it was typed or wherever it stood in the answer.</summary>
public sealed class OrderNumberPrompt(string dialogId) : Prompt<string>(dialogId)
{
    protected override string RetryHint => DialogMessages.TextRetry;

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        var number = OrderNumber.Normalize(text) ?? OrderNumber.Find(text);
        return Task.FromResult(number is null ? new PromptRecognizerResult<string>(false) : new PromptRecognizerResult<string>(true, number));
    }
}
