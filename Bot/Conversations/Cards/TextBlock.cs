namespace CrmBot.Conversations.Cards;

public sealed record TextBlock(string Text) : AdaptiveElement
{
    /// <summary>small, default, medium, large or extraLarge.</summary>
    public string? Size { get; init; }

    /// <summary>lighter, default or bolder.</summary>
    public string? Weight { get; init; }

    public bool Wrap { get; init; } = true;
}
