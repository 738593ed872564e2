using CrmBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CrmBot.Dialogs;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>, shown as buttons (suggested actions, or a
/// hero card where Teams would not show them). A typed answer counts by value, synonym, position ("2") or
/// ordinal ("the second one", "第二个") in the turn's language. Ends with a <see cref="FoundChoice"/>.
/// </summary>
public class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    protected override string RetryHint => DialogMessages.ChoiceRetry;

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var culture = RecognizerCulture.Current;
        var found = RecognizerCulture.Invariantly(() => ChoiceRecognizer.Recognize(turnContext.Activity.Text, options.Choices ?? [], culture));
        return Task.FromResult(found is null ? new PromptRecognizerResult<FoundChoice>(false) : new PromptRecognizerResult<FoundChoice>(true, found));
    }

    protected override Activity AppendChoices(ITurnContext turnContext, Activity prompt, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ChoiceButtons.Append(turnContext, prompt, options.Choices ?? []);
    }
}
