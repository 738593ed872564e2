using CrmBot.Domain.Common;

namespace CrmBot.Conversations;

/// <summary>A product in the cart of a place-order dialog: plain data, kept in the dialog's state between turns.</summary>
public sealed record CartLine(string Sku, string Name, decimal UnitPrice, string Currency, int Quantity)
{
    public Money Total() => new Money(UnitPrice, Currency) * Quantity;
}
