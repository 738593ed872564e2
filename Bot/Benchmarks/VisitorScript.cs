namespace CrmBot.Benchmarks;

/// <summary>What a simulated anonymous web visitor says: the menu, tracking an order, the catalogue, starting an order.</summary>
internal static class VisitorScript
{
    public static IReadOnlyList<ScriptedTurn> For(TrackableOrder order) =>
    [
        new("greeting", "hi", "Here is what I can do for you:"),
        new("track", $"track {order.Number}", "To keep your order private, what email address or phone number is on the order?"),
        new("contact", order.Email, $"Order {order.Number} is "),
        new("browse", "show me your products", "Our products (page 1):"),
        new("new order", "new order", "Which product would you like?"),
        new("cancel", "cancel", "Okay, I've cancelled that."),
    ];
}
