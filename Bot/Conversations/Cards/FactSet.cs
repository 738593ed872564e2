namespace CrmBot.Conversations.Cards;

/// <summary>Title and value pairs shown as a two-column table.</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : AdaptiveElement;
