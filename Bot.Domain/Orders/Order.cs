using System.Globalization;
using CrmBot.Domain.Common;
using CrmBot.Domain.Products;

namespace CrmBot.Domain.Orders;

/// <summary>
/// A customer's order and everything that happened to it. Every change goes through one method that
/// checks the lifecycle, changes the order, records who did it, raises <see cref="OrderStatusChanged"/>, and bumps
/// <see cref="Version"/>.
/// </summary>
public sealed class Order : AggregateRoot
{
    public const string NumberPrefix = "SO-";
    public const int ExternalIdMaxLength = 100;

    /// <summary>The method of the payment an imported order was settled with, in the shop's own system.</summary>
    public const string ImportedPaymentMethod = "imported";

    private readonly List<OrderLine> _lines = [];
    private readonly List<Payment> _payments = [];
    private readonly List<Shipment> _shipments = [];
    private readonly List<Refund> _refunds = [];
    private readonly List<OrderStatusChange> _history = [];

    private Order()
    {
    }

    public Order(long number, Guid customerId, string currency, Actor actor, DateTimeOffset now, string? idempotencyKey = null)
    {
        Number = FormatNumber(number);
        CustomerId = customerId;
        Total = Money.Zero(currency);
        IdempotencyKey = Guard.Optional(idempotencyKey, "Idempotency key", 100);
        CreatedAt = now;
        UpdatedAt = now;
        _history.Add(new OrderStatusChange(1, now, actor, null, OrderStatus.Draft, null));
    }

    /// <summary>Human-friendly and unique, e.g. SO-10042.</summary>
    public string Number { get; private set; } = string.Empty;

    public Guid CustomerId { get; private set; }

    public OrderStatus Status { get; private set; } = OrderStatus.Draft;

    public Money Total { get; private set; }

    public string? IdempotencyKey { get; private set; }

    /// <summary>The id of this order in the shop's own system; set on the orders the data import brought in.</summary>
    public string? ExternalId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PlacedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token: two people changing the same order at once, one of them wins.</summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<OrderLine> Lines => _lines.AsReadOnly();

    public IReadOnlyCollection<Payment> Payments => _payments.AsReadOnly();

    public IReadOnlyCollection<Shipment> Shipments => _shipments.AsReadOnly();

    public IReadOnlyCollection<Refund> Refunds => _refunds.AsReadOnly();

    public IReadOnlyCollection<OrderStatusChange> History => _history.AsReadOnly();

    public Money AmountPaid => _payments.Aggregate(Money.Zero(Total.Currency), (sum, p) => sum + p.Amount);

    public Money AmountRefunded => _refunds.Aggregate(Money.Zero(Total.Currency), (sum, r) => sum + r.Amount);

    public Shipment? Shipment => _shipments.LastOrDefault();

    public IReadOnlyList<OrderAction> PermittedActions => OrderLifecycle.PermittedActions(Status);

    public static string FormatNumber(long number) => $"{NumberPrefix}{number}";

    /// <summary>Whether this order is what <paramref name="request"/> asks for: its customer, and the same quantity of each product.</summary>
    public bool IsFor(PlaceOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = request.Lines
            .GroupBy(l => l.Sku.Trim().ToUpperInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        return request.CustomerId == CustomerId
            && asked.Count == _lines.Count
            && _lines.TrueForAll(l => asked.TryGetValue(l.Sku, out var quantity) && quantity == l.Quantity);
    }

    /// <summary>
    /// An order from the shop's own records, in the status they give, with one audit entry saying so. It has no lines
    /// and moves no stock, and raises no event: it brings in the past, not something happening now that a workflow
    /// should answer. What the rest of CrmBot reads from the status holds: an order that was paid has a payment
    /// of its total (method <see cref="ImportedPaymentMethod"/>), a refunded one a refund of it. A shipment is not
    /// made up: it would need a carrier and tracking number the records do not have (and would be announced to the
    /// customer), so an imported shipped order is delivered without one.
    /// </summary>
    public static Order Import(
        long number, Guid customerId, string externalId, OrderStatus status, Money total, DateTimeOffset placedAt, DateTimeOffset now)
    {
        var order = new Order
        {
            Number = FormatNumber(number),
            ExternalId = Guard.Required(externalId, "External id", ExternalIdMaxLength),
        };
        order.TakeImport(customerId, status, total, placedAt, now);
        return order;
    }

    /// <summary>
    /// Takes the shop's records of this imported order again; false when they hold nothing new. An order that people
    /// have worked on in CrmBot since is left as it is.
    /// </summary>
    public bool Reimport(Guid customerId, OrderStatus status, Money total, DateTimeOffset placedAt, DateTimeOffset now)
    {
        if ((CustomerId, Status, Total, PlacedAt) == (customerId, status, total, placedAt))
        {
            return false;
        }

        var importer = Actor.Import.ToString();
        if (ExternalId is null || _history.Exists(h => h.Actor != importer))
        {
            throw new DomainException(
                "order.changed_since_import",
                $"Order {Number} has been worked on in CrmBot since it was imported (it is {Status} now), so the import leaves it as it is.");
        }

        TakeImport(customerId, status, total, placedAt, now);
        return true;
    }

    private void TakeImport(Guid customerId, OrderStatus status, Money total, DateTimeOffset placedAt, DateTimeOffset now)
    {
        if (status == OrderStatus.Draft)
        {
            throw new DomainException("order.import_draft", "A draft is a cart that was never placed; only placed orders can be imported.");
        }

        Guard.PositiveMoney(total, "Total");
        Guard.NotInFuture(placedAt, "Placed at", now);
        var paid = status.IsPaid();

        _payments.Clear();
        _refunds.Clear();
        if (paid)
        {
            _payments.Add(new Payment(total, ImportedPaymentMethod, null, placedAt));
        }

        // How much of a partly refunded order went back is not in the records; only a full refund is known.
        if (status == OrderStatus.Refunded)
        {
            _refunds.Add(new Refund(total, "Refunded before the import", placedAt));
        }

        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"Imported from the shop's records (external id {ExternalId}): placed {placedAt:yyyy-MM-dd HH:mm zzz}, {status}, {total}.");
        CustomerId = customerId;
        Total = total;
        CreatedAt = placedAt;
        PlacedAt = placedAt;
        _history.Add(new OrderStatusChange(_history.Count + 1, now, Actor.Import, _history.Count == 0 ? null : Status, status, note));
        Status = status;
        UpdatedAt = now;
        Version++;
    }

    public void AddLine(Product product, int quantity)
    {
        if (Status != OrderStatus.Draft)
        {
            throw new DomainException("order.not_draft", $"Order {Number} has been placed; its lines can no longer change.");
        }

        Guard.Positive(quantity, "Quantity");
        if (product.Price.Currency != Total.Currency)
        {
            throw new DomainException("order.currency", $"{product.Name} is priced in {product.Price.Currency}, but order {Number} is in {Total.Currency}.");
        }

        var existing = _lines.Find(l => l.ProductId == product.Id);
        if (existing is null)
        {
            _lines.Add(new OrderLine(product.Id, product.Sku, product.Name, product.Price, quantity));
        }
        else
        {
            existing.AddQuantity(quantity);
        }

        Total = _lines.Aggregate(Money.Zero(Total.Currency), (sum, l) => sum + l.LineTotal);
        Version++;
    }

    /// <summary>Places the order and reserves its stock; <paramref name="products"/> are the products on its lines.</summary>
    public void Place(IReadOnlyDictionary<Guid, Product> products, Actor actor, DateTimeOffset now)
    {
        if (_lines.Count == 0)
        {
            throw new DomainException("order.empty", $"Order {Number} has no products yet.");
        }

        var next = OrderLifecycle.Next(Status, OrderAction.Place, Number);
        foreach (var line in _lines)
        {
            if (!products.TryGetValue(line.ProductId, out var product))
            {
                throw new DomainException("order.product_missing", $"{line.ProductName} ({line.Sku}) is no longer sold.");
            }
        }

        // All checks pass before any stock moves, so a failure leaves every product untouched.
        foreach (var line in _lines)
        {
            products[line.ProductId].EnsureAvailable(line.Quantity);
        }

        foreach (var line in _lines)
        {
            products[line.ProductId].Reserve(line.Quantity);
        }

        PlacedAt = now;
        MoveTo(next, actor, now, null);
    }

    public void Pay(Money amount, string method, string? reference, Actor actor, DateTimeOffset now)
    {
        var next = OrderLifecycle.Next(Status, OrderAction.Pay, Number);
        if (amount.Currency != Total.Currency)
        {
            throw new DomainException("money.currency_mismatch", $"Order {Number} is in {Total.Currency}; a payment in {amount.Currency} cannot settle it.");
        }

        if (amount != Total)
        {
            throw new DomainException("order.payment_amount", string.Create(CultureInfo.InvariantCulture, $"Order {Number} totals {Total}; a payment of {amount} does not settle it."));
        }

        _payments.Add(new Payment(amount, method, reference, now));
        MoveTo(next, actor, now, string.Create(CultureInfo.InvariantCulture, $"{method} {amount}"));
    }

    public void Ship(string carrier, string trackingNumber, Actor actor, DateTimeOffset now)
    {
        var next = OrderLifecycle.Next(Status, OrderAction.Ship, Number);
        var shipment = new Shipment(carrier, trackingNumber, now);
        _shipments.Add(shipment);
        MoveTo(next, actor, now, $"{shipment.Carrier} {shipment.TrackingNumber}");
    }

    public void Deliver(Actor actor, DateTimeOffset now)
    {
        var next = OrderLifecycle.Next(Status, OrderAction.Deliver, Number);

        // An order imported as shipped has no shipment record (see Import); its audit trail says whether it arrived.
        var shipment = Shipment;
        if (shipment is null && ExternalId is null)
        {
            throw new DomainException("order.not_shipped", $"Order {Number} has not shipped yet, so it cannot be delivered.");
        }

        if (shipment?.DeliveredAt is not null || (shipment is null && _history.Exists(h => h.To == OrderStatus.Delivered)))
        {
            throw new DomainException("order.invalid_transition", $"Order {Number} has already been delivered.");
        }

        shipment?.MarkDelivered(now);
        MoveTo(next, actor, now, null);
    }

    /// <summary>
    /// Cancels an order that has not shipped and releases its stock; a paid order is refunded in full.
    /// </summary>
    public void Cancel(IReadOnlyDictionary<Guid, Product> products, string reason, Actor actor, DateTimeOffset now)
    {
        var wasPlaced = Status is OrderStatus.Placed or OrderStatus.Paid;
        var next = OrderLifecycle.Next(Status, OrderAction.Cancel, Number);
        var why = Guard.Required(reason, "Cancellation reason", 500);
        if (wasPlaced)
        {
            foreach (var line in _lines)
            {
                if (products.TryGetValue(line.ProductId, out var product))
                {
                    product.Release(line.Quantity);
                }
            }
        }

        if (!AmountPaid.IsZero)
        {
            _refunds.Add(new Refund(AmountPaid - AmountRefunded, why, now));
        }

        MoveTo(next, actor, now, why);
    }

    public void Refund(Money amount, string reason, Actor actor, DateTimeOffset now)
    {
        OrderLifecycle.EnsurePermitted(Status, OrderAction.Refund, Number);
        Guard.PositiveMoney(amount, "Refund amount");
        var refundable = AmountPaid - AmountRefunded;
        if (amount > refundable)
        {
            throw new DomainException("order.refund_too_large", string.Create(CultureInfo.InvariantCulture, $"Order {Number} can be refunded at most {refundable}; {amount} is more than was paid."));
        }

        var full = amount == refundable;
        var next = OrderLifecycle.Next(Status, OrderAction.Refund, Number, full);
        var refund = new Refund(amount, reason, now);
        _refunds.Add(refund);
        MoveTo(next, actor, now, string.Create(CultureInfo.InvariantCulture, $"{amount}: {refund.Reason}"));
    }

    private void MoveTo(OrderStatus next, Actor actor, DateTimeOffset now, string? note)
    {
        var change = new OrderStatusChange(_history.Count + 1, now, actor, Status, next, note);
        _history.Add(change);
        Raise(new OrderStatusChanged(Id, CustomerId, Number, Status, next, Total, change.Id, change.Step, now));
        Status = next;
        UpdatedAt = now;
        Version++;
    }
}
