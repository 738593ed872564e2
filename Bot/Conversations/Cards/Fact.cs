namespace CrmBot.Conversations.Cards;

public sealed record Fact(string Title, string Value);
