namespace CrmBot.Conversations;

/// <summary>
/// How a place-order dialog begins: what the user said ("I want to buy 3 blue mugs") and, when it loops for
/// "anything else?", the cart so far and the key of this order attempt.
/// </summary>
public sealed record PlaceOrderOptions(string? Text = null, int? Quantity = null, List<CartLine>? Cart = null, string? AttemptKey = null);
