using System.Text;
using CrmBot.Domain.Orders;
using CrmBot.Language;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>An order's status and history as a chat message, in the turn's language and the given time zone.</summary>
public sealed class OrderTimelineMessage(IStringLocalizer<OrderTimelineMessage> text)
{
    public string Format(OrderTimeline timeline, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var message = new StringBuilder();
        message.AppendLine(text["Status", timeline.Number, StatusName(timeline.Status), timeline.Total]);
        if (timeline.TrackingNumber is not null)
        {
            message.AppendLine(text["Shipment", timeline.Carrier ?? string.Empty, timeline.TrackingNumber]);
        }

        if (!timeline.AmountRefunded.IsZero)
        {
            message.AppendLine(text["Refunded", timeline.AmountRefunded]);
        }

        foreach (var entry in timeline.Entries)
        {
            var at = DateText.At(entry.At, timeZone);
            message.AppendLine(text["Entry", at, StatusName(entry.To)]);
        }

        return message.ToString().TrimEnd();
    }

    public string StatusName(OrderStatus status) => text[$"Status.{status}"];
}
