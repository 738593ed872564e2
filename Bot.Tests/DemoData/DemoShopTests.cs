using CrmBot.Domain;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.DemoData;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Reminders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmBot.Tests.DemoData;

/// <summary>The demo shop a fresh installation starts with, as a rep, a customer or a model trained on it would see it.</summary>
public sealed class DemoShopTests(DemoShopDatabase shop) : IClassFixture<DemoShopDatabase>
{
    /// <summary><c>from.aadObjectId</c> of the Teams sample activities in shared/teams-activities.</summary>
    private const string TeamsSampleUser = "00000000-0000-0000-0000-0000000000aa";

    private static readonly string[] PaymentMethods = ["alipay", "wechat", "card", "bank transfer"];
    private static readonly string[] Carriers = ["SF Express", "JD Logistics", "ZTO", "China Post", "DHL"];
    private static readonly string[] ChineseCities = ["北京", "上海", "广州", "深圳", "杭州", "成都", "南京", "苏州", "武汉", "重庆", "西安", "天津", "厦门"];
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Now => DemoShopDatabase.Now;

    [Fact]
    public async Task FillsAnEmptyDatabaseWithAbout500CustomersAnd60Products()
    {
        await using var db = shop.NewContext();

        var customers = await db.Customers.CountAsync(Ct);
        var products = await db.Products.ToListAsync(Ct);
        var reps = await db.SalesReps.CountAsync(Ct);

        Assert.InRange(customers, 450, 550);
        Assert.Equal(60, products.Count);
        Assert.Equal(60, products.Select(p => p.Sku).Distinct().Count());
        Assert.Contains(products, p => p.Sku == "MUG-BLUE");
        Assert.All(products, p => Assert.Equal("CNY", p.Price.Currency));
        Assert.InRange(reps, 3, 5);
        Assert.Equal(customers, shop.Summary.Customers);
    }

    [Fact]
    public async Task MostCustomersAreChineseWithValidMobileNumbersAndSomeLiveAbroad()
    {
        await using var db = shop.NewContext();

        var customers = await db.Customers.ToListAsync(Ct);

        var chinese = customers.Where(c => c.Address?.Country == "CN").ToList();
        var abroad = customers.Except(chinese).ToList();
        Assert.InRange(chinese.Count, customers.Count * 3 / 4, customers.Count * 19 / 20);
        Assert.InRange(abroad.Count, customers.Count / 20, customers.Count / 4);
        Assert.All(chinese, c =>
        {
            Assert.Equal("Asia/Shanghai", c.TimeZone);
            Assert.Equal("zh-CN", c.PreferredLanguage);
            Assert.Contains(c.Address!.City, ChineseCities);
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,4}$", c.Name);
        });
        Assert.All(chinese.Where(c => c.Phone is not null), c =>
        {
            Assert.Matches(@"^\+861[3-9]\d{9}$", c.Phone);
            Assert.True(PhoneNumberNormalizer.TryToE164(c.PhoneNational, "CN", out var e164) && e164 == c.Phone, $"{c.Phone} is not a valid Chinese mobile number.");
        });
        Assert.All(abroad, c =>
        {
            Assert.NotEqual("Asia/Shanghai", c.TimeZone);
            Assert.True(c.Phone is null || PhoneNumberNormalizer.TryToE164(c.PhoneNational, c.Address!.Country, out _), $"{c.Phone} is not valid in {c.Address?.Country}.");
        });
        Assert.Contains(abroad, c => c.TimeZone == "Europe/London" && c.PreferredLanguage.StartsWith("en", StringComparison.Ordinal));
        Assert.Contains(abroad, c => c.TimeZone == "America/New_York");
        Assert.Contains(abroad, c => c.Phone is null && c.Email is not null);
        Assert.All(customers, c => Assert.True(c.Phone is not null || c.Email is not null));
        Assert.Equal(customers.Count(c => c.Email is not null), customers.Where(c => c.Email is not null).Select(c => c.Email).Distinct().Count());
    }

    [Fact]
    public async Task HasOrdersInEveryStatusMostOfThemDeliveredAndOnlyRecentOnesOpen()
    {
        var orders = await AllOrdersAsync();

        var byStatus = orders.CountBy(o => o.Status).ToDictionary();
        Assert.All(Enum.GetValues<OrderStatus>(), status => Assert.True(byStatus.GetValueOrDefault(status) > 0, $"No {status} order."));
        Assert.True(byStatus[OrderStatus.Delivered] > orders.Count * 0.7, $"Only {byStatus[OrderStatus.Delivered]} of {orders.Count} orders were delivered.");
        Assert.All(orders.Where(o => o.Status == OrderStatus.Draft), o => Assert.InRange(o.CreatedAt, Now.AddDays(-7), Now));
        Assert.All(orders.Where(o => o.Status == OrderStatus.Placed), o => Assert.InRange(o.PlacedAt!.Value, Now.AddDays(-3), Now));
        Assert.All(orders.Where(o => o.Status is OrderStatus.Paid or OrderStatus.Shipped), o => Assert.InRange(o.PlacedAt!.Value, Now.AddDays(-30), Now));
        Assert.Equal(shop.Summary.Orders, orders.Count);
    }

    [Fact]
    public async Task EveryOrderHasAConsistentAuditTrailFromDraftToItsStatus()
    {
        var orders = await AllOrdersAsync();

        Assert.All(orders, order =>
        {
            var history = order.History.OrderBy(h => h.Step).ToList();
            Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.Step));
            Assert.Null(history[0].From);
            Assert.Equal(OrderStatus.Draft, history[0].To);
            for (var i = 1; i < history.Count; i++)
            {
                Assert.Equal(history[i - 1].To, history[i].From);
                Assert.True(history[i].At > history[i - 1].At, $"{order.Number}: two changes at {history[i].At}.");
            }

            Assert.Equal(order.Status, history[^1].To);
            Assert.Equal(order.CreatedAt, history[0].At);
            Assert.Equal(order.UpdatedAt, history[^1].At);
            Assert.InRange(history[^1].At, Now.AddDays(-731), Now);
            Assert.All(history, h => Assert.Matches("^(system|customer:.+|rep:.+)$", h.Actor));
        });
    }

    [Fact]
    public async Task MoneyAddsUpAndPaymentsAndShipmentsUseTheShopsMethodsAndCarriers()
    {
        var orders = await AllOrdersAsync();

        Assert.All(orders, order =>
        {
            Assert.Equal(order.Lines.Sum(l => l.UnitPrice.Amount * l.Quantity), order.Total.Amount);
            Assert.NotEmpty(order.Lines);
            Assert.All(order.Payments, p => Assert.Contains(p.Method, PaymentMethods));
            Assert.All(order.Shipments, s => Assert.Contains(s.Carrier, Carriers));
            Assert.True(order.AmountRefunded <= order.AmountPaid);
            switch (order.Status)
            {
                case OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.PartiallyRefunded:
                    Assert.Equal(order.Total, order.AmountPaid);
                    break;
                case OrderStatus.Refunded:
                    Assert.Equal(order.AmountPaid, order.AmountRefunded);
                    break;
                case OrderStatus.Cancelled:
                    Assert.Equal(order.AmountPaid, order.AmountRefunded);
                    break;
            }

            if (order.Status is OrderStatus.Shipped or OrderStatus.Delivered)
            {
                Assert.NotNull(order.Shipment);
                Assert.Equal(order.Status == OrderStatus.Delivered, order.Shipment.DeliveredAt is not null);
            }
        });
        Assert.All(PaymentMethods, m => Assert.Contains(orders, o => o.Payments.Any(p => p.Method == m)));
        Assert.All(Carriers, c => Assert.Contains(orders, o => o.Shipment?.Carrier == c));
    }

    [Fact]
    public async Task NoProductEndsWithNegativeStockAndEveryProductHasSold()
    {
        await using var db = shop.NewContext();

        var products = await db.Products.ToListAsync(Ct);
        var sold = await db.Orders.SelectMany(o => o.Lines).Select(l => l.Sku).Distinct().ToListAsync(Ct);

        Assert.All(products, p => Assert.True(p.Stock >= 0, $"{p.Sku} has {p.Stock} in stock."));
        Assert.Equal(products.Select(p => p.Sku).Order(), sold.Order());
    }

    [Fact]
    public async Task HasACoreOfRepeatCustomersAndSomeWhoStoppedBuying()
    {
        var orders = await AllOrdersAsync();
        await using var db = shop.NewContext();
        var customers = await db.Customers.CountAsync(Ct);

        var placed = orders.Where(o => o.PlacedAt is not null).GroupBy(o => o.CustomerId).ToList();

        var repeat = placed.Count(g => g.Count() >= 5);
        var lapsed = placed.Count(g => g.Count() >= 3 && Now - g.Max(o => o.PlacedAt!.Value) > TimeSpan.FromDays(180));
        Assert.True(repeat > customers / 5, $"Only {repeat} customers ordered five times or more.");
        Assert.True(lapsed > customers / 20, $"Only {lapsed} regular customers stopped ordering.");
        Assert.True(placed.Count < customers, "Every customer has ordered; some only browse.");
    }

    [Fact]
    public async Task SalesPeakOnDoubleElevenAndBeforeTheSpringFestival()
    {
        var orders = await AllOrdersAsync();
        var days = orders.Where(o => o.PlacedAt is not null).Select(o => ChinaDate(o.PlacedAt!.Value)).ToList();

        foreach (var year in new[] { 2024, 2025 })
        {
            var doubleEleven = days.Count(d => d == new DateOnly(year, 11, 11));
            var octoberDaily = days.Count(d => d.Year == year && d.Month == 10) / 31.0;
            Assert.True(doubleEleven > 3 * octoberDaily, $"{doubleEleven} orders on 11 November {year}; {octoberDaily:0.0} a day in October.");
        }

        // The 2025 Spring Festival fell on 29 January: gifts before it, couriers closed after it.
        var festival = new DateOnly(2025, 1, 29);
        var before = days.Count(d => d >= festival.AddDays(-21) && d < festival);
        var after = days.Count(d => d >= festival && d < festival.AddDays(21));
        Assert.True(before > 1.5 * after, $"{before} orders in the three weeks before the Spring Festival, {after} after.");
    }

    [Fact]
    public async Task TheSameSeedAndClockGiveTheSameShop()
    {
        await using var again = new DemoShopDatabase();
        await again.InitializeAsync();

        Assert.Equal(await FingerprintAsync(shop), await FingerprintAsync(again));
        Assert.Equal(shop.Summary.ToString(), again.Summary.ToString());
    }

    [Fact]
    public async Task RefusesToSeedADatabaseThatAlreadyHasCustomers()
    {
        await using var db = shop.NewContext();

        var error = await Assert.ThrowsAsync<DomainException>(() => new DemoShop(db, shop.Clock, Options.Create(new DatabaseOptions())).SeedAsync(Ct));

        Assert.Equal("demo.not_empty", error.Code);
        Assert.Contains("empty database", error.Message, StringComparison.Ordinal);
        Assert.Equal(shop.Summary.Customers, await db.Customers.CountAsync(Ct));
        Assert.Equal(shop.Summary.Orders, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task OrdersPlacedAfterwardsGetNumbersAfterTheDemoOnes()
    {
        await using var fresh = new DemoShopDatabase();
        await fresh.InitializeAsync();
        await using var db = fresh.NewContext();
        var customer = await db.Customers.OrderBy(c => c.ExternalId).FirstAsync(Ct);
        var lastDemoNumber = long.Parse(fresh.Summary.LastOrderNumber![Order.NumberPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);

        var order = await new OrderService(db, fresh.Clock).PlaceAsync(
            new PlaceOrderRequest(customer.Id, [new OrderLineRequest("MUG-BLUE", 1)]),
            Actor.Customer(customer.Id, customer.Name),
            Ct);

        Assert.Equal(Order.FormatNumber(lastDemoNumber + 1), order.Number);
        Assert.Equal(fresh.Summary.Orders + 1, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task SearchFindsAChineseCustomerOfTheDemoByName()
    {
        await using var db = shop.NewContext();
        var customer = await db.Customers.Where(c => c.PreferredLanguage == "zh-CN").OrderBy(c => c.ExternalId).FirstAsync(Ct);
        var options = Options.Create(new CrmOptions());
        var customers = new CustomerService(db, new CustomerSearch(db, options), shop.Clock, options);

        var byName = await customers.SearchAsync(customer.Name, pageSize: 100, ct: Ct);
        var byGivenName = await customers.SearchAsync(customer.Name[1..], pageSize: 100, ct: Ct);

        Assert.Contains(byName.Items, c => c.Id == customer.Id);
        Assert.Contains(byGivenName.Items, c => c.Id == customer.Id);
    }

    [Fact]
    public async Task TheTeamsSampleUserIsASalesRepWithCustomersAndReminders()
    {
        await using var db = shop.NewContext();

        var rep = await db.SalesReps.SingleAsync(r => r.AadObjectId == TeamsSampleUser, Ct);

        Assert.True(await db.Customers.CountAsync(c => c.AssignedRepId == rep.Id, Ct) > 20);
        Assert.True(await db.Reminders.AnyAsync(r => r.RepId == rep.Id && r.Status == ReminderStatus.Open, Ct));
    }

    [Fact]
    public async Task EveryRepHasOpenRemindersForTheComingDays()
    {
        await using var db = shop.NewContext();

        var reps = await db.SalesReps.ToListAsync(Ct);
        var open = await db.Reminders.Where(r => r.Status == ReminderStatus.Open).ToListAsync(Ct);

        Assert.All(reps, rep => Assert.Contains(open, r => r.RepId == rep.Id && r.DueAt > Now && r.DueAt <= Now.AddDays(8)));
        Assert.All(open, r => Assert.True(r.DueAt > Now.AddDays(-2), $"'{r.Text}' is long overdue."));
        Assert.Contains(open, r => r.OrderId is not null);
    }

    [Fact]
    public async Task CustomersHaveCallsChatsEmailsAndNotesAfterTheyJoined()
    {
        await using var db = shop.NewContext();

        var interactions = await db.Interactions.ToListAsync(Ct);
        var joined = await db.Customers.ToDictionaryAsync(c => c.Id, c => c.CreatedAt, Ct);

        Assert.All(Enum.GetValues<InteractionKind>(), kind => Assert.Contains(interactions, i => i.Kind == kind));
        Assert.All(interactions.Where(i => i.Kind == InteractionKind.Call), i => Assert.False(string.IsNullOrEmpty(i.Outcome)));
        Assert.Contains(interactions, i => i.Outcome == "wants a quote");
        Assert.Contains(interactions, i => i.Outcome == "not interested");
        Assert.All(interactions, i => Assert.InRange(i.OccurredAt, joined[i.CustomerId], Now));
    }

    [Fact]
    public async Task StartingOnAnEmptyDatabaseLoadsTheDemoShopOnce()
    {
        var connectionString = $"Data Source=demo-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        await using var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync(Ct);
        var services = new ServiceCollection().AddLogging().AddCrmDomain();
        services.Configure<DatabaseOptions>(o => o.ConnectionString = connectionString);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        await using var provider = services.BuildServiceProvider();

        for (var start = 0; start < 2; start++)
        {
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CrmDatabase>().InitializeAsync(Ct);
        }

        await using var check = provider.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.Equal(shop.Summary.Customers, await db.Customers.CountAsync(Ct));
        Assert.Equal(shop.Summary.Orders, await db.Orders.CountAsync(Ct));
    }

    private async Task<List<Order>> AllOrdersAsync()
    {
        await using var db = shop.NewContext();
        return await db.Orders
            .Include(o => o.Lines)
            .Include(o => o.Payments)
            .Include(o => o.Shipments)
            .Include(o => o.Refunds)
            .Include(o => o.History)
            .AsSplitQuery()
            .AsNoTracking()
            .ToListAsync(Ct);
    }

    /// <summary>The shop's data without its ids (fresh GUIDs every run), one line per row.</summary>
    private static async Task<List<string>> FingerprintAsync(DemoShopDatabase database)
    {
        await using var db = database.NewContext();
        var customers = await db.Customers.OrderBy(c => c.ExternalId).ToListAsync(Ct);
        var externalIds = customers.ToDictionary(c => c.Id, c => c.ExternalId);
        var orders = await db.Orders.Include(o => o.History).OrderBy(o => o.Number).AsSplitQuery().ToListAsync(Ct);
        var interactions = await db.Interactions.OrderBy(i => i.OccurredAt).ToListAsync(Ct);
        var reminders = await db.Reminders.OrderBy(r => r.DueAt).ThenBy(r => r.Text).ToListAsync(Ct);
        var products = await db.Products.OrderBy(p => p.Sku).ToListAsync(Ct);

        return
        [
            .. customers.Select(c => $"{c.ExternalId} {c.Name} {c.Email} {c.Phone} {c.Address} {c.CreatedAt:O}"),
            .. orders.Select(o => $"{o.Number} {externalIds[o.CustomerId]} {o.Status} {o.Total} {o.PlacedAt:O} {string.Join(" > ", o.History.OrderBy(h => h.Step).Select(h => $"{h.To}@{h.At:O}"))}"),
            .. interactions.Select(i => $"{externalIds[i.CustomerId]} {i.Kind} {i.Outcome} {i.OccurredAt:O} {i.Notes}"),
            .. reminders.Select(r => $"{r.Text} {r.DueAt:O} {r.Status}"),
            .. products.Select(p => $"{p.Sku} {p.Price} {p.Stock}"),
        ];
    }

    private static DateOnly ChinaDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, ChinaTime).DateTime);
}
