using CrmBot.Understanding;

namespace CrmBot.Workflows.Chat;

/// <summary>
/// "Why did 张三 get the shipping notice?": whom the rep means (an email, phone or name as typed; null: ask) and the
/// words of the message as they recall it (empty when they named none).
/// </summary>
public sealed record WhyMessageRequest(string? Customer, string Message)
{
    public static WhyMessageRequest Of(RecognitionResult recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var match = RuleConditions.WhyReceived().Match(recognition.Text);
        var who = match.Success ? match.Groups["who"].Value.Trim(' ', '"', '\'', '“', '”') : string.Empty;
        var customer = recognition.Entity<EmailEntity>()?.Address
            ?? recognition.Entity<PhoneNumberEntity>()?.E164
            ?? (who.Length > 0 ? who : null);
        return new(customer, match.Success ? match.Groups["what"].Value.Trim() : string.Empty);
    }
}
