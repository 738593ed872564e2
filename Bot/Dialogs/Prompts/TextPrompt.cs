using Microsoft.Bot.Builder;

namespace CrmBot.Dialogs;

/// <summary>Asks for free text; accepts any message with text and ends with it, trimmed.</summary>
public class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override string RetryHint => DialogMessages.TextRetry;

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text) ? new PromptRecognizerResult<string>(false) : new PromptRecognizerResult<string>(true, text));
    }
}
