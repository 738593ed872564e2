using System.Globalization;
using Bogus;
using CrmBot.Domain.Common;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Products;
using CrmBot.Domain.SalesReps;

namespace CrmBot.Domain.DemoData;

/// <summary>
/// Runs each planned order through the <see cref="Order"/> aggregate with back-dated timestamps:
/// cart, checkout, payment, shipping, delivery, and the cancellations and refunds real shops see.
/// Every step stops at the clock's "now", so recent orders are still open. Stock is reserved by the
/// aggregate and topped up before it runs short.
/// </summary>
internal sealed class DemoFulfilment
{
    private const int ReorderPoint = 30;

    private static readonly string[] DomesticCarriers = ["SF Express", "JD Logistics", "ZTO", "China Post"];
    private static readonly float[] DomesticCarrierWeights = [40f, 25f, 25f, 10f];
    private static readonly string[] PaymentMethods = ["alipay", "wechat", "card", "bank transfer"];
    private static readonly float[] ChinaPaymentWeights = [45f, 40f, 10f, 5f];
    private static readonly float[] AbroadPaymentWeights = [8f, 0f, 80f, 12f];
    private static readonly float[] CorporatePaymentWeights = [20f, 0f, 0f, 80f];

    private readonly Randomizer _random;
    private readonly DemoWording _wording;
    private readonly IReadOnlyList<SalesRep> _team;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, Product> _bySku = [];
    private readonly Dictionary<Guid, Product> _byId = [];

    public DemoFulfilment(Randomizer random, DemoWording wording, IReadOnlyList<SalesRep> team, DateTimeOffset now)
    {
        _random = random;
        _wording = wording;
        _team = team;
        _now = now;
        foreach (var item in DemoCatalog.Items)
        {
            var product = new Product(item.Sku, wording.ProductName(item), new Money(item.Price, DemoCatalog.Currency), item.InitialStock);
            _bySku[item.Sku] = product;
            _byId[product.Id] = product;
        }

        Products = [.. DemoCatalog.Items.Select(i => _bySku[i.Sku])];
    }

    public IReadOnlyList<Product> Products { get; }

    /// <summary>Customers' chats about their parcels and complaints that led to refunds.</summary>
    public List<Interaction> Interactions { get; } = [];

    /// <summary>The yearly tea price rise; orders keep the price they were placed at.</summary>
    public void RaiseTeaPrices()
    {
        foreach (var item in DemoCatalog.Items.Where(i => i.Aisle == DemoCatalog.Aisle.Teas))
        {
            var product = _bySku[item.Sku];
            product.ChangePrice(new Money(decimal.Round(product.Price.Amount * 1.08m, 0, MidpointRounding.AwayFromZero), DemoCatalog.Currency));
        }
    }

    public Order Fulfil(DemoOrderPlan plan, long number)
    {
        var shopper = plan.Shopper;
        var placer = plan.ByRep && shopper.Rep is { } rep ? RepActor(rep) : shopper.Actor;
        var createdAt = plan.PlacedAt.AddMinutes(-_random.Int(2, 25));
        if (createdAt < shopper.Customer.CreatedAt)
        {
            createdAt = shopper.Customer.CreatedAt;
        }

        var order = new Order(number, shopper.Customer.Id, DemoCatalog.Currency, placer, createdAt);
        foreach (var (product, quantity) in InStock(plan.Lines))
        {
            order.AddLine(product, quantity);
        }

        if (plan.StopsAt == OrderStatus.Draft)
        {
            return order;
        }

        if (plan.Abandoned || (plan.StopsAt is null && _random.Chance(0.03)))
        {
            var expiry = createdAt.AddDays(7);
            if (expiry <= _now)
            {
                order.Cancel(_byId, _wording.CartAbandoned, Actor.System, expiry);
            }

            return order;
        }

        order.Place(_byId, placer, plan.PlacedAt);
        Continue(order, plan);
        return order;
    }

    private void Continue(Order order, DemoOrderPlan plan)
    {
        var shopper = plan.Shopper;
        var at = plan.PlacedAt;
        var open = plan.StopsAt is not null;
        if (plan.StopsAt == OrderStatus.Placed)
        {
            return;
        }

        if (!open && !shopper.IsCorporate && _random.Chance(0.05))
        {
            var deadline = at.AddDays(3);
            if (deadline <= _now)
            {
                order.Cancel(_byId, _wording.NotPaid, Actor.System, deadline);
            }

            return;
        }

        var method = _random.Pick(
            PaymentMethods,
            shopper.IsCorporate ? CorporatePaymentWeights : shopper.International ? AbroadPaymentWeights : ChinaPaymentWeights);
        if (!Advance(ref at, PaymentDelay(method), open))
        {
            return;
        }

        // The customer pays online; a bank transfer is confirmed by their rep, or by bookkeeping when they have none.
        var payer = method != "bank transfer" ? shopper.Actor
            : shopper.Rep is { } rep ? RepActor(rep)
            : Actor.System;
        order.Pay(order.Total, method, PaymentReference(method, at), payer, at);
        if (plan.StopsAt == OrderStatus.Paid)
        {
            return;
        }

        if (!open && _random.Chance(0.025))
        {
            var cancelAt = at.AddMinutes(_random.Int(10, 1200));
            if (cancelAt <= _now)
            {
                order.Cancel(_byId, _random.ArrayElement(_wording.ChangeOfMind), shopper.Actor, cancelAt);
            }

            return;
        }

        if (!Advance(ref at, TimeSpan.FromMinutes(_random.Int(3 * 60, 48 * 60)), open))
        {
            return;
        }

        if (!open && DemoCalendar.CouriersClosed(DemoCalendar.ChinaDate(at)))
        {
            var reopens = DemoCalendar.ChinaDate(at).AddDays(1);
            while (DemoCalendar.CouriersClosed(reopens))
            {
                reopens = reopens.AddDays(1);
            }

            at = DemoCalendar.At(reopens, new TimeSpan(10, _random.Int(0, 59), 0), DemoCalendar.ChinaTime);
            if (at > _now)
            {
                return;
            }
        }

        var (carrier, tracking, transit) = Carrier(shopper.International);
        var shipper = plan.ByRep && shopper.Rep is { } shippingRep ? RepActor(shippingRep) : Actor.System;
        order.Ship(carrier, tracking, shipper, at);
        var shippedAt = at;
        if (plan.StopsAt == OrderStatus.Shipped)
        {
            return;
        }

        if (_random.Chance(0.004))
        {
            var lostAt = at.AddDays(_random.Int(12, 16));
            if (lostAt <= _now)
            {
                order.Refund(order.AmountPaid, _wording.ParcelLost(carrier), Service(shopper), lostAt);
            }

            return;
        }

        var arrived = Advance(ref at, transit, open: false);
        var askedAt = shippedAt.AddHours(_random.Int(20, 60));
        if (_random.Chance(0.07) && askedAt <= _now && (!arrived || askedAt < at))
        {
            Interactions.Add(new Interaction(
                shopper.Customer.Id,
                null,
                InteractionKind.Chat,
                askedAt,
                "answered",
                _wording.AskedWhere(order.Number, carrier, tracking)));
        }

        if (!arrived)
        {
            return;
        }

        order.Deliver(Actor.System, at);
        AfterDelivery(order, shopper, at);
    }

    private void AfterDelivery(Order order, DemoShopper shopper, DateTimeOffset deliveredAt)
    {
        var roll = _random.Double();
        if (roll >= 0.055)
        {
            return;
        }

        var full = roll < 0.015;
        var refundAt = deliveredAt.AddHours(_random.Int(full ? 48 : 24, full ? 9 * 24 : 6 * 24));
        if (refundAt > _now)
        {
            return;
        }

        Money amount;
        string reason;
        if (full)
        {
            amount = order.AmountPaid - order.AmountRefunded;
            reason = _random.ArrayElement(_wording.FullRefunds);
        }
        else
        {
            var line = _random.ListItem(order.Lines.ToList());
            if (line.UnitPrice < order.Total)
            {
                amount = line.UnitPrice;
                reason = _wording.Damaged(line.ProductName);
            }
            else
            {
                amount = new Money(decimal.Round(order.Total.Amount * 0.2m, 0, MidpointRounding.AwayFromZero), order.Total.Currency);
                reason = _wording.LateGoodwill;
            }
        }

        var rep = Service(shopper);
        var complainedAt = refundAt.AddHours(-_random.Int(2, 20));
        if (complainedAt < deliveredAt)
        {
            complainedAt = deliveredAt;
        }

        Interactions.Add(new Interaction(shopper.Customer.Id, rep.Id, InteractionKind.Chat, complainedAt, "complaint", $"{order.Number}: {reason}."));
        order.Refund(amount, reason, rep, refundAt);
    }

    /// <summary>Moves <paramref name="at"/> on by <paramref name="delay"/> unless that is past "now"; an open order is squeezed in before it.</summary>
    private bool Advance(ref DateTimeOffset at, TimeSpan delay, bool open)
    {
        var next = at + delay;
        if (next > _now)
        {
            if (!open)
            {
                return false;
            }

            next = at + TimeSpan.FromSeconds(Math.Floor((_now - at).TotalSeconds / 2));
        }

        at = next;
        return true;
    }

    private TimeSpan PaymentDelay(string method)
    {
        if (method == "bank transfer")
        {
            return TimeSpan.FromMinutes(_random.Int(4 * 60, 72 * 60));
        }

        var roll = _random.Double();
        return roll < 0.8 ? TimeSpan.FromSeconds(_random.Int(40, 20 * 60))
            : roll < 0.95 ? TimeSpan.FromMinutes(_random.Int(60, 8 * 60))
            : TimeSpan.FromMinutes(_random.Int(12 * 60, 48 * 60));
    }

    private string PaymentReference(string method, DateTimeOffset at)
    {
        var day = at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return method switch
        {
            "alipay" => $"{day}2200{_random.Replace("################")}",
            "wechat" => $"4200{_random.Replace("######")}{day}{_random.Replace("##########")}",
            "card" => $"AUTH-{_random.Replace("######")}",
            _ => $"BT{day}{_random.Replace("#####")}",
        };
    }

    private (string Carrier, string TrackingNumber, TimeSpan Transit) Carrier(bool international)
    {
        if (international)
        {
            return _random.Chance(0.75)
                ? ("DHL", _random.Replace("##########"), Days(4, 8))
                : ("China Post", $"EA{_random.Replace("#########")}CN", Days(10, 21));
        }

        var carrier = _random.Pick(DomesticCarriers, DomesticCarrierWeights);
        return carrier switch
        {
            "SF Express" => (carrier, $"SF{_random.Replace("#############")}", Days(1, 2)),
            "JD Logistics" => (carrier, $"JDVB{_random.Replace("###########")}", Days(1, 2)),
            "ZTO" => (carrier, $"7{_random.Int(3, 8)}{_random.Replace("##########")}", Days(2, 4)),
            _ => (carrier, $"9{_random.Replace("############")}", Days(3, 6)),
        };
    }

    private TimeSpan Days(int from, int to) => TimeSpan.FromMinutes(_random.Int(from * 24 * 60, to * 24 * 60));

    /// <summary>Products for the planned lines, topped up when they run low; a sold-out limited edition is swapped for another of its aisle.</summary>
    private List<(Product Product, int Quantity)> InStock(IReadOnlyList<(DemoCatalog.Item Item, int Quantity)> lines)
    {
        var wanted = new List<(DemoCatalog.Item Item, int Quantity)>();
        foreach (var (planned, quantity) in lines)
        {
            var item = planned;
            if (item.Limited && _bySku[item.Sku].Stock < quantity)
            {
                item = _random.ListItem(DemoCatalog.Items.Where(i => i.Aisle == planned.Aisle && !i.Limited).ToList());
            }

            var index = wanted.FindIndex(w => w.Item == item);
            if (index >= 0)
            {
                wanted[index] = (item, wanted[index].Quantity + quantity);
            }
            else
            {
                wanted.Add((item, quantity));
            }
        }

        var stocked = new List<(Product, int)>(wanted.Count);
        foreach (var (item, quantity) in wanted)
        {
            var product = _bySku[item.Sku];
            if (!item.Limited && product.Stock - quantity < ReorderPoint)
            {
                product.Restock(Math.Max(item.RestockLot, quantity * 2));
            }

            stocked.Add((product, quantity));
        }

        return stocked;
    }

    /// <summary>Who handles a refund: the customer's rep, or the desk for their part of the world.</summary>
    private Actor Service(DemoShopper shopper) => RepActor(shopper.Rep ?? _team[shopper.International ? 0 : 2]);

    private static Actor RepActor(SalesRep rep) => Actor.Rep(rep.Id, rep.DisplayName);
}
