using CrmBot.Domain.Common;

namespace CrmBot.Domain.SalesReps;

/// <summary>What a rep has on their plate for a day (whom to call comes from the call plan).</summary>
public sealed record RepAgenda(
    IReadOnlyList<RepAgenda.DueReminder> Reminders,
    IReadOnlyList<RepAgenda.OrderToShip> OrdersToShip,
    int OrdersToShipCount)
{
    public sealed record DueReminder(string Text, DateTimeOffset DueAt);

    public sealed record OrderToShip(string Number, string CustomerName, Money Total, DateTimeOffset WaitingSince);
}
