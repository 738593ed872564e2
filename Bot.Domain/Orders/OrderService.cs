using System.Globalization;
using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmBot.Domain.Orders;

/// <summary>Places and processes orders; each call is one transaction that either fully happens or not at all.</summary>
public sealed class OrderService(CrmDbContext db, TimeProvider clock)
{
    private const int StockConflictRetries = 5;

    // Placing an order asks these three questions every time; compiled, EF skips rebuilding and looking them up.
    private static readonly CompiledQuery<Func<CrmDbContext, Guid, CancellationToken, Task<bool>>> CustomerExists = new(() =>
        EF.CompileAsyncQuery((CrmDbContext db, Guid id, CancellationToken ct) => db.Customers.Any(c => c.Id == id)));

    private static readonly CompiledQuery<Func<CrmDbContext, string, CancellationToken, Task<bool>>> KeyUsed = new(() =>
        EF.CompileAsyncQuery((CrmDbContext db, string key, CancellationToken ct) => db.Orders.Any(o => o.IdempotencyKey == key)));

    private static readonly CompiledQuery<Func<CrmDbContext, List<string>, IAsyncEnumerable<Product>>> ProductsBySku = new(() =>
        EF.CompileAsyncQuery((CrmDbContext db, List<string> skus) => db.Products.Where(p => skus.Contains(p.Sku))));

    public async Task<Order> PlaceAsync(PlaceOrderRequest request, Actor actor, CancellationToken ct = default) =>
        (await PlaceOrReplayAsync(request, actor, ct)).Order;

    /// <summary>
    /// Places the order, or (when an earlier request with the same idempotency key placed one) answers with that order,
    /// marked as a replay. An earlier order for another customer or other products means the key was reused for a
    /// different request: that is a domain error, never a silent answer with the wrong order.
    /// </summary>
    public async Task<PlacedOrder> PlaceExactlyOnceAsync(PlaceOrderRequest request, Actor actor, CancellationToken ct = default)
    {
        var placed = await PlaceOrReplayAsync(request, actor, ct);
        if (placed.Replayed && !placed.Order.IsFor(request))
        {
            throw new DomainException(
                "order.idempotency_key_reused",
                $"Idempotency key '{request.IdempotencyKey}' was already used for order {placed.Order.Number}, which has other products or another customer. Use a new key for a new order.");
        }

        return placed;
    }

    private async Task<PlacedOrder> PlaceOrReplayAsync(PlaceOrderRequest request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Lines.Count == 0)
        {
            throw new DomainException("order.empty", "An order needs at least one product.");
        }

        // One connection for the whole placement instead of one per query.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await PlaceOnOpenConnectionAsync(request, actor, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<PlacedOrder> PlaceOnOpenConnectionAsync(PlaceOrderRequest request, Actor actor, CancellationToken ct)
    {
        // A repeated idempotency key is answered inside TryPlaceAsync, under the counter's lock, where no concurrent
        // placement of the same key can slip past the check.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryPlaceAsync(request, actor, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < StockConflictRetries)
            {
                // Another order took stock of the same product meanwhile: start again from fresh stock figures.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException ex)
            {
                db.ChangeTracker.Clear();
                throw new ConcurrencyConflictException("Stock changed while the order was being placed; please try again.", ex);
            }
        }
    }

    public Task<Order> PayAsync(string number, Money amount, string method, string? reference, Actor actor, int? expectedVersion = null, CancellationToken ct = default) =>
        ChangeAsync(number, expectedVersion, order => order.Pay(amount, method, reference, actor, clock.GetUtcNow()), ct);

    public Task<Order> ShipAsync(string number, string carrier, string trackingNumber, Actor actor, int? expectedVersion = null, CancellationToken ct = default) =>
        ChangeAsync(number, expectedVersion, order => order.Ship(carrier, trackingNumber, actor, clock.GetUtcNow()), ct);

    public Task<Order> DeliverAsync(string number, Actor actor, int? expectedVersion = null, CancellationToken ct = default) =>
        ChangeAsync(number, expectedVersion, order => order.Deliver(actor, clock.GetUtcNow()), ct);

    public Task<Order> RefundAsync(string number, Money amount, string reason, Actor actor, int? expectedVersion = null, CancellationToken ct = default) =>
        ChangeAsync(number, expectedVersion, order => order.Refund(amount, reason, actor, clock.GetUtcNow()), ct);

    public async Task<Order> CancelAsync(string number, string reason, Actor actor, int? expectedVersion = null, CancellationToken ct = default)
    {
        var order = await LoadAsync(number, ct);
        var productIds = order.Lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return await SaveChangeAsync(order, expectedVersion, o => o.Cancel(products, reason, actor, clock.GetUtcNow()), ct);
    }

    /// <summary>The order with this number, with everything that happened to it.</summary>
    public async Task<Order?> FindAsync(string number, CancellationToken ct = default)
    {
        var normalized = OrderNumber.Normalize(number);
        return normalized is null ? null : await WithDetails(db.Orders).FirstOrDefaultAsync(o => o.Number == normalized, ct);
    }

    public async Task<OrderTimeline> TimelineAsync(string number, CancellationToken ct = default)
    {
        var normalized = OrderNumber.Normalize(number) ?? throw new NotFoundException("Order", number);
        return await new OrderTimelineQuery(db).FindAsync(normalized, ct) ?? throw new NotFoundException("Order", number);
    }

    private async Task<PlacedOrder> TryPlaceAsync(PlaceOrderRequest request, Actor actor, CancellationToken ct)
    {
        if (!await CustomerExists.For(db)(db, request.CustomerId, ct))
        {
            throw new NotFoundException("Customer", request.CustomerId.ToString());
        }

        var skus = request.Lines.Select(l => Guard.Required(l.Sku, "SKU", 64).ToUpperInvariant()).Distinct().ToList();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // A failure anywhere rolls the whole transaction back, so SaveChanges needs no savepoint of its own.
        db.Database.AutoSavepointsEnabled = false;

        // The number first: taking it locks the counter until the commit, so placements queue up there and each reads
        // the stock the one before it left (on PostgreSQL, stock read earlier would be stale by then).
        var number = await NextOrderNumberAsync(ct);
        if (request.IdempotencyKey is { } key && await KeyUsed.For(db)(db, key, ct))
        {
            // A concurrent call placed the same request while this one queued for the counter: that order is the answer.
            return new(await FindByIdempotencyKeyAsync(key, ct) ?? throw new NotFoundException("Order", key), Replayed: true);
        }

        var products = await ProductsBySku.For(db)(db, skus).ToListAsync(ct);
        var missing = skus.Except(products.Select(p => p.Sku)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException("order.unknown_product", $"We don't sell {string.Join(", ", missing)}.");
        }

        var bySku = products.ToDictionary(p => p.Sku);
        var order = new Order(number, request.CustomerId, products[0].Price.Currency, actor, now, request.IdempotencyKey);
        foreach (var line in request.Lines)
        {
            order.AddLine(bySku[line.Sku.Trim().ToUpperInvariant()], line.Quantity);
        }

        order.Place(products.ToDictionary(p => p.Id), actor, now);
        db.Orders.Add(order);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(order, Replayed: false);
    }

    /// <summary>Takes the next number inside the current transaction, so a rolled-back order gives its number back.</summary>
    private async Task<long> NextOrderNumberAsync(CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Quoted names and an @ parameter: the same statement runs on SQLite and PostgreSQL.
        command.CommandText = """UPDATE "Sequences" SET "Value" = "Value" + 1 WHERE "Name" = @name RETURNING "Value" """;
        var name = command.CreateParameter();
        name.ParameterName = "@name";
        name.Value = Sequence.OrderNumbers;
        command.Parameters.Add(name);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>The order placed with this idempotency key, if any: how a retried request finds its answer.</summary>
    public async Task<Order?> FindByIdempotencyKeyAsync(string key, CancellationToken ct = default) =>
        await WithDetails(db.Orders).FirstOrDefaultAsync(o => o.IdempotencyKey == key, ct);

    private async Task<Order> ChangeAsync(string number, int? expectedVersion, Action<Order> change, CancellationToken ct) =>
        await SaveChangeAsync(await LoadAsync(number, ct), expectedVersion, change, ct);

    private async Task<Order> SaveChangeAsync(Order order, int? expectedVersion, Action<Order> change, CancellationToken ct)
    {
        if (expectedVersion is { } expected && expected != order.Version)
        {
            throw Conflict(order.Number);
        }

        try
        {
            change(order);
            await db.SaveChangesAsync(ct);
            return order;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw Conflict(order.Number, ex);
        }
        finally
        {
            // A failed change must not linger in the context and be saved by a later call.
            if (db.ChangeTracker.HasChanges())
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Order> LoadAsync(string number, CancellationToken ct) =>
        await FindAsync(number, ct) ?? throw new NotFoundException("Order", number);

    private static IQueryable<Order> WithDetails(IQueryable<Order> orders) => orders
        .Include(o => o.Lines)
        .Include(o => o.Payments)
        .Include(o => o.Shipments)
        .Include(o => o.Refunds)
        .Include(o => o.History)
        .AsSplitQuery();

    private static ConcurrencyConflictException Conflict(string number, Exception? inner = null) =>
        new($"Order {number} was changed by someone else a moment ago. Look at it again and retry.", inner);
}
