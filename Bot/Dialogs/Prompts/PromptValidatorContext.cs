using Microsoft.Bot.Builder;

namespace CrmBot.Dialogs;

public sealed class PromptValidatorContext<T>(
    ITurnContext context, PromptRecognizerResult<T> recognized, IDictionary<string, object?> state, PromptOptions options)
{
    public ITurnContext Context { get; } = context;

    public PromptRecognizerResult<T> Recognized { get; } = recognized;

    /// <summary>State of the prompt instance, kept between its turns.</summary>
    public IDictionary<string, object?> State { get; } = state;

    /// <summary>The prompt's options, without its question, retry prompt and help: they are read only when sent.</summary>
    public PromptOptions Options { get; } = options;

    /// <summary>How many answers the prompt has had, this one included.</summary>
    public int AttemptCount => State.GetValue<int>(PromptState.AttemptCountKey);
}
