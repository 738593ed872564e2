using CrmBot.Domain.Orders;
using CrmBot.Understanding;

namespace CrmBot.Conversations;

/// <summary>
/// What a rep asked to do to an order and what they already said: "refund 20 on SO-10042",
/// "ship SO-10042 with SF Express SF1234567890". Anything missing is asked for.
/// </summary>
public sealed record ProcessOrderOptions(
    OrderAction Action,
    string? OrderNumber = null,
    decimal? Amount = null,
    string? Currency = null,
    string? Carrier = null,
    string? TrackingNumber = null)
{
    public static ProcessOrderOptions From(OrderAction action, RecognitionResult recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var money = recognition.Entity<MoneyEntity>();
        return new ProcessOrderOptions(
            action,
            recognition.Entity<OrderNumberEntity>()?.Number,
            money?.Amount,
            money?.Currency,
            recognition.Entity<CarrierEntity>()?.Carrier,
            recognition.Entity<TrackingNumberEntity>()?.TrackingNumber);
    }
}
