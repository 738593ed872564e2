namespace CrmBot.Understanding;

/// <summary>Reads what a user typed: the intent and the entities (order numbers, emails, phones, amounts, dates ...).</summary>
public interface IUtteranceRecognizer
{
    /// <summary>Never throws: empty, huge or garbled input gives <see cref="Intent.None"/> and whatever entities could be read.</summary>
    RecognitionResult Recognize(string? text, RecognitionContext? context = null);
}
