using CrmBot.Domain.Customers;

namespace CrmBot.Conversations;

/// <summary>
/// How a place-order dialog begins: what the user said ("I want to buy 3 blue mugs"), for a rep whom the order is
/// for (<see cref="Customer"/>: a name, email or phone to search; null: ask) and, when it loops for
/// "anything else?", the cart so far, the key of this order attempt and the customer the rep picked.
/// </summary>
public sealed record PlaceOrderOptions(
    string? Text = null, int? Quantity = null, List<CartLine>? Cart = null, string? AttemptKey = null, string? Customer = null,
    CustomerSummary? Buyer = null);
