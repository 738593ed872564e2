using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CrmBot.Dialogs;

/// <summary>
/// Asks a yes/no question with Yes and No buttons and ends with true or false. Understands the words of the turn's
/// language and English ("yes", "sure", "ok", "nope", "好的", "不要"), alone or opening the answer ("yes please").
/// "Cancel" is not a no: it cancels the conversation in an <see cref="InterruptibleDialog"/>.
/// </summary>
public class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    protected override string RetryHint => DialogMessages.ConfirmRetry;

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var answer = Utterance.Normalize(turnContext.Activity.Text);
        return Task.FromResult(Recognize(answer) ?? Recognize(Utterance.FirstWord(answer)) ?? new PromptRecognizerResult<bool>(false));
    }

    protected override Activity AppendChoices(ITurnContext turnContext, Activity prompt, PromptOptions options) =>
        ChoiceButtons.Append(turnContext, prompt, [new Choice(DialogMessages.Yes), new Choice(DialogMessages.No)]);

    private static PromptRecognizerResult<bool>? Recognize(string words) =>
        words.Length == 0 ? null
        : DialogMessages.YesWords.Contains(words) ? new PromptRecognizerResult<bool>(true, true)
        : DialogMessages.NoWords.Contains(words) ? new PromptRecognizerResult<bool>(true, false)
        : null;
}
