using CrmBot.Understanding;

namespace CrmBot.Conversations;

/// <summary>Whom the rep talked to, as far as they said (a name, email or phone; null: ask).</summary>
public sealed record LogInteractionOptions(string? Customer = null)
{
    public static LogInteractionOptions From(RecognitionResult recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        return new(recognition.Entity<EmailEntity>()?.Address
            ?? recognition.Entity<PhoneNumberEntity>()?.E164
            ?? recognition.Entity<PersonNameEntity>()?.Name);
    }
}
