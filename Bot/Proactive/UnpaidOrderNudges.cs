using CrmBot.Conversations;
using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Proactive;

/// <summary>
/// One polite reminder, with the payment instructions, to a customer whose order has stayed placed and unpaid for
/// <see cref="ProactiveOptions.UnpaidOrderNudgeAfter"/>; never a second one for the same order.
/// </summary>
public sealed class UnpaidOrderNudges(
    IDbContextFactory<CrmDbContext> contexts,
    CustomerNotifier notifier,
    PaymentInstructions payment,
    IOptions<ProactiveOptions> options,
    TimeProvider clock,
    IStringLocalizer<UnpaidOrderNudges> text)
{
    /// <summary>Sends the nudges that are due; returns how many went out.</summary>
    public Task<int> DeliverDueAsync(CancellationToken ct)
    {
        return DueBatches.SendAllAsync(clock, DueAsync, (order, token) =>
            notifier.NotifyAsync(
                new DeliveryKey(DeliveryTopic.UnpaidOrder, order.OrderId, order.PlacedAt),
                order.Customer,
                () => $"{text["StillUnpaid", order.Customer.Name, order.Number, order.Total]}\n\n{payment.For(order.Number, order.Total)}",
                token),
            ct);
    }

    private async Task<List<UnpaidOrder>> DueAsync(DateTimeOffset now, int skip, CancellationToken ct)
    {
        var placedBefore = now - options.Value.UnpaidOrderNudgeAfter;
        var placedAfter = placedBefore - options.Value.NoticeLookback;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settled = DeliveryLedger.Settled(db, DeliveryTopic.UnpaidOrder, now);
        return await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Placed && o.PlacedAt <= placedBefore && o.PlacedAt > placedAfter
                && !settled.Any(d => d.SubjectId == o.Id))
            .Join(CustomerNotifier.Reachable(db), o => o.CustomerId, c => c.Id, (o, c) => new { Order = o, Customer = c })
            .OrderBy(x => x.Order.PlacedAt).ThenBy(x => x.Order.Id)
            .Skip(skip)
            .Take(DueBatches.Size)
            .Select(x => new UnpaidOrder(
                x.Order.Id,
                x.Order.Number,
                x.Order.Total,
                x.Order.PlacedAt!.Value,
                new CustomerRecipient(x.Customer.Id, x.Customer.Name, x.Customer.TimeZone, x.Customer.PreferredLanguage)))
            .ToListAsync(ct);
    }

    private sealed record UnpaidOrder(Guid OrderId, string Number, Money Total, DateTimeOffset PlacedAt, CustomerRecipient Customer);
}
