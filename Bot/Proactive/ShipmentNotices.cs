using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Proactive;

/// <summary>
/// Tells a customer when a rep (or the back office) marked their order shipped, with carrier and tracking number,
/// and when it was delivered. The shipment rows are the record of what to announce, so a notice is sent whichever
/// way the order changed, once.
/// </summary>
public sealed class ShipmentNotices(
    IDbContextFactory<CrmDbContext> contexts,
    CustomerNotifier notifier,
    IOptions<ProactiveOptions> options,
    TimeProvider clock,
    IStringLocalizer<ShipmentNotices> text)
{
    /// <summary>Sends the shipped and delivered notices that are due; returns how many went out.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var shipped = await DueBatches.SendAllAsync(clock, (now, skip, token) => DueAsync(DeliveryTopic.OrderShipped, now, skip, token), SendAsync, ct);
        var delivered = await DueBatches.SendAllAsync(clock, (now, skip, token) => DueAsync(DeliveryTopic.OrderDelivered, now, skip, token), SendAsync, ct);
        return shipped + delivered;
    }

    private Task<SendResult> SendAsync(ShipmentNews news, CancellationToken ct) =>
        notifier.NotifyAsync(
            new DeliveryKey(news.Topic, news.OrderId, news.At),
            news.Customer,
            () => news.Topic == DeliveryTopic.OrderShipped
                ? text["Shipped", news.Customer.Name, news.Number, news.Carrier, news.TrackingNumber]
                : text["Delivered", news.Customer.Name, news.Number],
            ct);

    private async Task<List<ShipmentNews>> DueAsync(DeliveryTopic topic, DateTimeOffset now, int skip, CancellationToken ct)
    {
        var since = now - options.Value.NoticeLookback;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settled = DeliveryLedger.Settled(db, topic, now);
        var news = db.Orders.AsNoTracking().SelectMany(o => o.Shipments, (o, s) => new
        {
            Order = o,
            s.Carrier,
            s.TrackingNumber,
            At = topic == DeliveryTopic.OrderShipped ? (DateTimeOffset?)s.ShippedAt : s.DeliveredAt,
        });
        return await news
            .Where(n => n.At > since && n.At <= now && !settled.Any(d => d.SubjectId == n.Order.Id && d.Occurrence == n.At))
            .Join(CustomerNotifier.Reachable(db), n => n.Order.CustomerId, c => c.Id, (n, c) => new { News = n, Customer = c })
            .OrderBy(x => x.News.At).ThenBy(x => x.News.Order.Id)
            .Skip(skip)
            .Take(DueBatches.Size)
            .Select(x => new ShipmentNews(
                topic,
                x.News.Order.Id,
                x.News.Order.Number,
                x.News.Carrier,
                x.News.TrackingNumber,
                x.News.At!.Value,
                new CustomerRecipient(x.Customer.Id, x.Customer.Name, x.Customer.TimeZone, x.Customer.PreferredLanguage)))
            .ToListAsync(ct);
    }

    private sealed record ShipmentNews(
        DeliveryTopic Topic, Guid OrderId, string Number, string Carrier, string TrackingNumber, DateTimeOffset At, CustomerRecipient Customer);
}
