using Microsoft.Bot.Schema;

namespace CrmBot.Dialogs;

/// <summary>An option of a <see cref="ChoicePrompt"/>: its value (also its button's title), other words for it, and optionally its own button.</summary>
public sealed record Choice(string Value)
{
    private readonly string[] _synonyms = [];

    /// <summary>Kept as an array: a storage that records type names could not recreate the list a collection expression makes.</summary>
    public IReadOnlyList<string> Synonyms { get => _synonyms; init => _synonyms = [.. value]; }

    /// <summary>The button for the choice; by default one that sends <see cref="Value"/>.</summary>
    public CardAction? Action { get; init; }
}
