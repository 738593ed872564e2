using System.Text.RegularExpressions;
using CrmBot.Understanding;

namespace CrmBot.Conversations;

/// <summary>
/// What the rep already said: what to be reminded of and when (<see cref="DueAt"/>, resolved in the shop's time
/// zone, only when the words named a time of day). Null: ask.
/// </summary>
public sealed partial record SetReminderOptions(string? Text = null, DateTimeOffset? DueAt = null)
{
    /// <summary>"remind me to call Alice tomorrow at 10": the text without the command words and the date ("call Alice"), and the date.</summary>
    public static SetReminderOptions From(RecognitionResult recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var when = recognition.EntitiesOf<DateTimeEntity>().FirstOrDefault(entity => entity.Resolved is not null && entity.HasTime);
        var text = when is null ? recognition.Text : recognition.Text.Remove(when.Position, when.Text.Length);
        text = CommandWords().Replace(text, string.Empty);
        text = Whitespace().Replace(text, " ").Trim(' ', ',', '.', '!', '?', '，', '。', '！');
        return new SetReminderOptions(text.Length == 0 ? null : text, when?.Resolved);
    }

    [GeneratedRegex(@"^\s*(?:please\s+)?(?:(?:set|add|create|make|schedule)\s+(?:a\s+|an\s+|new\s+)*reminder|remind\s+me|reminder)(?:\s+(?:to|about|that|of|for))?\b|^\s*(?:请)?(?:提醒我|提醒一下我|记得提醒我|(?:设|设置|添加|加|新建)(?:一个|个)?提醒)", RegexOptions.IgnoreCase)]
    private static partial Regex CommandWords();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Whitespace();
}
