using CrmBot.Language;
using System.Globalization;
using System.Numerics;
using Microsoft.Bot.Builder;
using Microsoft.Recognizers.Text.Number;

namespace CrmBot.Dialogs;

/// <summary>
/// Asks for a number and reads it in the turn's language with Microsoft.Recognizers.Text ("3", "three", "二十",
/// "1,234.5"); the first number in the answer counts. An answer that does not fit <typeparamref name="T"/> (2.5
/// for an int, too large) is not accepted.
/// </summary>
public class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumberBase<T>
{
    protected override string RetryHint => DialogMessages.NumberRetry;

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(new PromptRecognizerResult<T>(false));
        }

        var culture = RecognizerCulture.Current;
        var found = RecognizerCulture.Invariantly(() => NumberRecognizer.RecognizeNumber(text, culture)).FirstOrDefault();
        var recognized = found?.Resolution is { } resolution
            && resolution.TryGetValue("value", out var value)
            && decimal.TryParse(value as string, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && TryConvert(number, out var converted)
                ? new PromptRecognizerResult<T>(true, converted)
                : new PromptRecognizerResult<T>(false);
        return Task.FromResult(recognized);
    }

    private static bool TryConvert(decimal number, out T converted)
    {
        // CreateChecked truncates 2.5 to an int 2 and throws when out of range: both mean the answer does not fit.
        try
        {
            converted = T.CreateChecked(number);
            return decimal.CreateChecked(converted) == number;
        }
        catch (OverflowException)
        {
            converted = default;
            return false;
        }
    }
}
