using CrmBot.Domain.Common;

namespace CrmBot.Domain.SalesReps;

/// <summary>What a rep has on their plate for a day.</summary>
public sealed record RepAgenda(
    IReadOnlyList<RepAgenda.DueReminder> Reminders,
    IReadOnlyList<RepAgenda.OrderToShip> OrdersToShip,
    int OrdersToShipCount,
    IReadOnlyList<RepAgenda.CustomerToCall> CustomersToCall)
{
    public sealed record DueReminder(string Text, DateTimeOffset DueAt);

    public sealed record OrderToShip(string Number, string CustomerName, Money Total, DateTimeOffset WaitingSince);

    /// <summary>A customer of the rep's worth a call: how often they ordered lately and when someone last spoke to them.</summary>
    public sealed record CustomerToCall(Guid Id, string Name, string? Phone, int RecentOrders, DateTimeOffset? LastContact);
}
