using System.Data.Common;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Events;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Privacy;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static CrmBot.Tests.Domain.ShopArrangements;

namespace CrmBot.Tests.Domain;

/// <summary>
/// What the aggregates raise reaches the outbox (table DomainEvents) with the change, once, or not at all when the
/// change is not saved; and the outbox hands its rows out in order, each marked processed by one caller.
/// </summary>
public class DomainEventsTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachMoveOfAnOrderWritesOneEventNamedByItsHistoryEntry()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var delivered = await db.DeliveredOrderAsync(Ct);

        await db.OrdersAsync(o => o.RefundAsync(delivered.Number, new Money(25m, "CNY"), "A cup broke", TestDatabase.Rep, ct: Ct));

        var order = await db.ReloadAsync(delivered.Number, Ct);
        var events = (await OrderEventsAsync(db, order.Id)).Select(e => (StoredDomainEvent: e, Event: (OrderStatusChanged)e.ToDomainEvent())).ToList();
        Assert.Equal(
            [
                (OrderStatus.Draft, OrderStatus.Placed),
                (OrderStatus.Placed, OrderStatus.Paid),
                (OrderStatus.Paid, OrderStatus.Shipped),
                (OrderStatus.Shipped, OrderStatus.Delivered),
                (OrderStatus.Delivered, OrderStatus.PartiallyRefunded),
            ],
            events.Select(e => (e.Event.From, e.Event.To)));
        var moves = order.History.Where(h => h.Step > 1).OrderBy(h => h.Step).ToList();
        Assert.Equal(moves.Select(h => $"order-status:{h.Id}"), events.Select(e => e.StoredDomainEvent.OccurrenceKey));
        Assert.Equal(moves.Select(h => h.At), events.Select(e => e.StoredDomainEvent.OccurredAt));
        Assert.All(events, e =>
        {
            Assert.Equal((nameof(OrderStatusChanged), order.Id, order.CustomerId), (e.StoredDomainEvent.Type, e.StoredDomainEvent.SubjectId, e.StoredDomainEvent.CustomerId));
            Assert.Equal((order.Number, OrderTotal), (e.Event.OrderNumber, e.Event.Total));
            Assert.Null(e.StoredDomainEvent.ProcessedAt);
        });
    }

    [Fact]
    public async Task CancellingAPaidOrderWritesOneCancelledEvent()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var paid = await db.PaidOrderAsync(Ct);

        await db.OrdersAsync(o => o.CancelAsync(paid.Number, "Customer called to cancel", TestDatabase.Rep, ct: Ct));

        var last = (OrderStatusChanged)(await OrderEventsAsync(db, paid.Id))[^1].ToDomainEvent();
        Assert.Equal((OrderStatus.Paid, OrderStatus.Cancelled, 4), (last.From, last.To, last.Step));
        Assert.Equal(3, (await OrderEventsAsync(db, paid.Id)).Count);
    }

    [Fact]
    public async Task ANewCustomerAndALoggedInteractionWriteOneEventEach()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);

        var customer = await db.AddCustomerAsync(Ct);
        var interaction = await db.InScopeAsync(services => services.GetRequiredService<InteractionService>()
            .RecordAsync(customer.Id, null, InteractionKind.Call, "reached", "Wants 张三's tea by Friday", Ct));

        var events = await AllEventsAsync(db);
        Assert.Equal(
            [
                (nameof(CustomerCreated), customer.Id, customer.Id, $"customer-created:{customer.Id}"),
                (nameof(InteractionLogged), interaction.Id, customer.Id, $"interaction-logged:{interaction.Id}"),
            ],
            events.Select(e => (e.Type, e.SubjectId, e.CustomerId, e.OccurrenceKey)));
        Assert.Equal(new CustomerCreated(customer.Id, TestDatabase.Start), events[0].ToDomainEvent());
        Assert.Equal(new InteractionLogged(interaction.Id, customer.Id, null, InteractionKind.Call, TestDatabase.Start), events[1].ToDomainEvent());
        Assert.DoesNotContain("张三", events[1].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportedCustomersAndInteractionsAreThePastAndWriteNoEvent()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);

        await db.WithDbAsync(async context =>
        {
            var customer = Customer.Import("shop-1", new CustomerProfile("Alice", "alice@example.com", null), TestDatabase.Start.AddYears(-1), "CN", TestDatabase.Start);
            context.Customers.Add(customer);
            context.Interactions.Add(Interaction.Import(customer.Id, "shop-1/call", InteractionKind.Call, TestDatabase.Start.AddDays(-3), TestDatabase.Start));
            await context.SaveChangesAsync(Ct);
        });

        Assert.Empty(await AllEventsAsync(db));
    }

    [Fact]
    public async Task AChangeWhoseCommitFailsWritesNoEventAndTheRetryWritesOne()
    {
        var failingCommit = new FailingCommit();
        await using var db = await TestDatabase.CreateAsync(failingCommit, Ct, Provider);
        var order = await db.PlacedOrderAsync(Ct);
        failingCommit.Arm();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.OrdersAsync(o => o.PayAsync(order.Number, OrderTotal, "alipay", null, TestDatabase.Rep, ct: Ct)));

        Assert.Equal(OrderStatus.Placed, (await db.ReloadAsync(order.Number, Ct)).Status);
        Assert.Single(await OrderEventsAsync(db, order.Id));
        await db.OrdersAsync(o => o.PayAsync(order.Number, OrderTotal, "alipay", null, TestDatabase.Rep, ct: Ct));
        Assert.Equal([OrderStatus.Placed, OrderStatus.Paid], (await OrderEventsAsync(db, order.Id)).Select(e => ((OrderStatusChanged)e.ToDomainEvent()).To));
    }

    [Fact]
    public async Task SavingAgainAfterAFailedSaveInTheSameContextWritesTheEventOnce()
    {
        var failingCommit = new FailingCommit();
        await using var db = await TestDatabase.CreateAsync(failingCommit, Ct, Provider);
        var placed = await db.PlacedOrderAsync(Ct);
        await using var scope = db.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var order = await context.Orders.Include(o => o.History).SingleAsync(o => o.Id == placed.Id, Ct);
        order.Pay(OrderTotal, "alipay", null, TestDatabase.Rep, TestDatabase.Start);
        failingCommit.Arm();
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync(Ct));

        await context.SaveChangesAsync(Ct);
        await context.SaveChangesAsync(Ct);

        Assert.Empty(order.DomainEvents);
        Assert.Equal([OrderStatus.Placed, OrderStatus.Paid], (await OrderEventsAsync(db, order.Id)).Select(e => ((OrderStatusChanged)e.ToDomainEvent()).To));
    }

    [Fact]
    public async Task TheLoserOfAConcurrentChangeWritesNoEvent()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        await using var other = db.CreateScope();
        var otherOrders = other.ServiceProvider.GetRequiredService<OrderService>();
        Assert.NotNull(await otherOrders.FindAsync(order.Number, Ct));
        await db.OrdersAsync(o => o.PayAsync(order.Number, OrderTotal, "alipay", null, TestDatabase.Rep, ct: Ct));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            otherOrders.CancelAsync(order.Number, "Customer called to cancel", TestDatabase.Rep, ct: Ct));

        Assert.Equal([OrderStatus.Placed, OrderStatus.Paid], (await OrderEventsAsync(db, order.Id)).Select(e => ((OrderStatusChanged)e.ToDomainEvent()).To));
    }

    [Fact]
    public async Task TheOutboxHandsOutUnprocessedEventsInTheOrderTheyHappened()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PaidOrderAsync(Ct);

        var firstTwo = await OutboxAsync(db, outbox => outbox.ReadUnprocessedAsync(2, Ct));
        var marked = await OutboxAsync(db, outbox => outbox.MarkProcessedAsync([.. firstTwo.Select(e => e.Id)], Ct));
        var rest = await OutboxAsync(db, outbox => outbox.ReadUnprocessedAsync(10, Ct));

        Assert.Equal(
            [(nameof(CustomerCreated), order.CustomerId), (nameof(OrderStatusChanged), order.Id)],
            firstTwo.Select(e => (e.Type, e.SubjectId)));
        Assert.Equal(firstTwo.Select(e => e.Id), marked);
        Assert.Equal(OrderStatus.Paid, ((OrderStatusChanged)Assert.Single(rest).ToDomainEvent()).To);
        Assert.All(
            (await AllEventsAsync(db)).Where(e => marked.Contains(e.Id)),
            e => Assert.Equal(TestDatabase.Start, e.ProcessedAt));
    }

    [Fact]
    public async Task TwoCallersMarkingTheSameEventsAtOnceMarkEachOnce()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        await db.DeliveredOrderAsync(Ct);
        var ids = (await OutboxAsync(db, outbox => outbox.ReadUnprocessedAsync(100, Ct))).Select(e => e.Id).ToList();

        var both = await Task.WhenAll(
            Task.Run(() => OutboxAsync(db, outbox => outbox.MarkProcessedAsync(ids, Ct)), Ct),
            Task.Run(() => OutboxAsync(db, outbox => outbox.MarkProcessedAsync([.. Enumerable.Reverse(ids)], Ct)), Ct));

        Assert.Equal(5, ids.Count);
        Assert.Empty(both[0].Intersect(both[1]));
        Assert.Equal(ids, both[0].Concat(both[1]).Order());
        Assert.Empty(await OutboxAsync(db, outbox => outbox.MarkProcessedAsync(ids, Ct)));
        Assert.Empty(await OutboxAsync(db, outbox => outbox.ReadUnprocessedAsync(100, Ct)));
    }

    [Fact]
    public async Task OnlyEventsProcessedBeforeTheCutoffAreDeleted()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PaidOrderAsync(Ct);
        var first = (await OutboxAsync(db, outbox => outbox.ReadUnprocessedAsync(1, Ct))).Select(e => e.Id).ToList();
        await OutboxAsync(db, outbox => outbox.MarkProcessedAsync(first, Ct));
        db.Clock.Advance(TimeSpan.FromDays(1));
        var second = (await OutboxAsync(db, outbox => outbox.ReadUnprocessedAsync(1, Ct))).Select(e => e.Id).ToList();
        await OutboxAsync(db, outbox => outbox.MarkProcessedAsync(second, Ct));

        var deleted = await OutboxAsync(db, outbox => outbox.DeleteProcessedBeforeAsync(TestDatabase.Start.AddHours(1), Ct));

        Assert.Equal(1, deleted);
        var left = await AllEventsAsync(db);
        Assert.DoesNotContain(left, e => first.Contains(e.Id));
        Assert.Equal(2, left.Count);
        Assert.Single(left, e => e.ProcessedAt is null && e.SubjectId == order.Id);
    }

    [Fact]
    public async Task ErasingACustomerDeletesTheirEventsAndNoOneElses()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PaidOrderAsync(Ct);
        var other = await db.AddCustomerAsync("Bob", "bob@example.com", null, Ct);

        await db.InScopeAsync(services => services.GetRequiredService<CustomerErasure>().EraseAsync(order.CustomerId, TestDatabase.Rep, Ct));

        var left = Assert.Single(await AllEventsAsync(db));
        Assert.Equal((nameof(CustomerCreated), other.Id), (left.Type, left.CustomerId));
    }

    private static Task<List<StoredDomainEvent>> AllEventsAsync(TestDatabase db) =>
        db.WithDbAsync(context => context.DomainEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct));

    private static Task<List<StoredDomainEvent>> OrderEventsAsync(TestDatabase db, Guid orderId) =>
        db.WithDbAsync(context => context.DomainEvents.AsNoTracking().Where(e => e.SubjectId == orderId).OrderBy(e => e.Id).ToListAsync(Ct));

    private static Task<T> OutboxAsync<T>(TestDatabase db, Func<DomainEventOutbox, Task<T>> work) =>
        db.InScopeAsync(services => work(services.GetRequiredService<DomainEventOutbox>()));

    /// <summary>Once armed, fails the next commit after every statement of its transaction has run, as a crash there would.</summary>
    private sealed class FailingCommit : DbTransactionInterceptor
    {
        private int _armed;

        public void Arm() => _armed = 1;

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Interlocked.Exchange(ref _armed, 0) == 1
                ? throw new InvalidOperationException("Injected failure at commit.")
                : ValueTask.FromResult(result);
    }
}
