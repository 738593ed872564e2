using System.Globalization;
using CrmBot.Domain.Orders;

namespace CrmBot.Domain.DemoData;

/// <summary>What <see cref="DemoShop"/> put into the database.</summary>
public sealed record DemoShopSummary(
    int SalesReps,
    int Customers,
    int Products,
    int Orders,
    IReadOnlyDictionary<OrderStatus, int> OrdersByStatus,
    int Interactions,
    int Reminders,
    int OpenReminders,
    string? FirstOrderNumber,
    string? LastOrderNumber,
    DateTimeOffset HistoryStart,
    DateTimeOffset HistoryEnd)
{
    public override string ToString()
    {
        var statuses = string.Join(", ", OrdersByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{SalesReps} sales reps, {Customers} customers, {Products} products, {Orders} orders {FirstOrderNumber}..{LastOrderNumber} ({statuses}), {Interactions} interactions, {OpenReminders} open reminders; history {HistoryStart:yyyy-MM-dd} to {HistoryEnd:yyyy-MM-dd}");
    }
}
