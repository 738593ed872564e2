using CrmBot.Domain.Customers;
using CrmBot.Domain.Import;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmBot.Tests.Import.ImportArrangements;

namespace CrmBot.Tests.Import;

public sealed class ShopImportTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly CsvFolder _files = new();
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(Ct);

    [Fact]
    public async Task ImportsCustomersTheirOrdersAndInteractions()
    {
        var summary = await _db.ImportAsync(_files.Shop());

        Assert.Equal((2, 2, 0, 0, 0), summary.File("customers.csv").Counts());
        Assert.Equal((2, 2, 0, 0, 0), summary.File("orders.csv").Counts());
        Assert.Equal((2, 2, 0, 0, 0), summary.File("interactions.csv").Counts());
        var zhang = await _db.WithDbAsync(db => db.Customers.SingleAsync(c => c.ExternalId == "c-1", Ct));
        Assert.Equal(("张三", "zhang.san@example.com", "+8613800138000"), (zhang.Name, zhang.Email, zhang.Phone));
        Assert.Equal(new PostalAddress(null, "北京", null, null, "CN"), zhang.Address);
        Assert.Equal(new DateTimeOffset(2024, 1, 5, 2, 0, 0, TimeSpan.Zero), zhang.CreatedAt);
        var order = await _db.WithDbAsync(db => db.Orders.SingleAsync(o => o.ExternalId == "o-1", Ct));
        Assert.Equal((zhang.Id, OrderStatus.Delivered, 120.50m, "CNY"), (order.CustomerId, order.Status, order.Total.Amount, order.Total.Currency));
        Assert.Equal(InteractionKind.Call, await _db.WithDbAsync(db => db.Interactions.Where(i => i.CustomerId == zhang.Id).Select(i => i.Kind).SingleAsync(Ct)));
    }

    [Fact]
    public async Task ImportedOrdersAreNumberedInFileOrderLikeAnyOther()
    {
        await _db.ImportAsync(_files.Shop());
        await _db.AddProductAsync("TEA-1", 10m, 5, Ct);
        var zhang = await _db.WithDbAsync(db => db.Customers.SingleAsync(c => c.ExternalId == "c-1", Ct));

        var placed = await _db.PlaceAsync(zhang.Id, Ct, new OrderLineRequest("TEA-1", 1));

        var numbers = await _db.WithDbAsync(db => db.Orders.OrderBy(o => o.Number).Select(o => o.Number + " " + o.ExternalId).ToListAsync(Ct));
        Assert.Equal(["SO-10001 o-1", "SO-10002 o-2", "SO-10003 "], numbers);
        Assert.Equal("SO-10003", placed.Number);
        Assert.Equal(4, await _db.StockAsync("TEA-1", Ct));
    }

    [Fact]
    public async Task AHeaderWithoutAColumnStopsTheImportBeforeAnythingIsWritten()
    {
        var files = _files.Shop() with
        {
            Orders = _files.Write("orders.csv", "external_id,customer_external_id,placed_at,status,total", [Delivered]),
        };

        var error = await Assert.ThrowsAsync<ImportFileException>(() => _db.ImportAsync(files));

        Assert.Equal("orders.csv has no column currency in its header (external_id, customer_external_id, placed_at, status, total).", error.Message);
        Assert.Equal(0, await _db.WithDbAsync(db => db.Customers.CountAsync(Ct)));
    }

    [Fact]
    public async Task AMissingFileStopsTheImport()
    {
        var files = _files.Shop() with { Interactions = Path.Combine(_files.Path, "calls.csv") };

        var error = await Assert.ThrowsAsync<ImportFileException>(() => _db.ImportAsync(files));

        Assert.Contains("calls.csv: no such file", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _db.WithDbAsync(db => db.Customers.CountAsync(Ct)));
    }

    [Fact]
    public async Task ReadsUtf8WithAByteOrderMarkAndChineseNames()
    {
        var files = _files.Shop() with
        {
            Customers = _files.Write("customers.csv", CsvFolder.CustomersHeader, [ZhangSan, "c-2,欧阳娜娜,,139 1234 5678,上海,CN,"], byteOrderMark: true),
        };

        var summary = await _db.ImportAsync(files);

        Assert.Equal((2, 2, 0, 0, 0), summary.File("customers.csv").Counts());
        var found = await _db.CustomersAsync(customers => customers.SearchAsync("欧阳", ct: Ct));
        Assert.Equal("欧阳娜娜", Assert.Single(found.Items).Name);
    }

    [Theory]
    [InlineData("c-2,Li Na,li.na@example,,,,", "'li.na@example' is not a valid email address.")]
    [InlineData("c-2,Li Na,,12345,,,", "'12345' is not a valid phone number.")]
    [InlineData("c-2,Li Na,,,,,", "A customer needs an email address or a phone number.")]
    [InlineData("c-2,Li Na,li.na@example.com,,Shanghai,China,", "Country is too long (5 characters; at most 2).")]
    [InlineData(",Li Na,li.na@example.com,,,,", "External id is required.")]
    [InlineData("c-2,Li Na,li.na@example.com,,,,2099-01-01", "Created at is in the future (2099-01-01 00:00 +00:00).")]
    [InlineData("c-2,Li Na,li.na@example.com,,,,01/02/2024", "created_at: '01/02/2024' is not an ISO 8601 timestamp such as 2024-03-01T10:30:00+08:00.")]
    [InlineData("c-1,Zhang San again,zs@example.com,,,,", "external_id 'c-1' is on line 2 already.")]
    public async Task ABadCustomerIsReportedWithItsLineAndSkipped(string row, string reason)
    {
        var files = _files.Shop() with { Customers = _files.Customers(ZhangSan, row) };

        var summary = await _db.ImportAsync(files);

        Assert.Equal((2, 1, 0, 0, 1), summary.File("customers.csv").Counts());
        Assert.Equal(new ImportRejection("customers.csv", 3, reason), Assert.Single(summary.File("customers.csv").Rejections));
        Assert.Equal(["c-1"], await _db.WithDbAsync(db => db.Customers.Select(c => c.ExternalId).ToListAsync(Ct)));
    }

    [Theory]
    [InlineData("o-2,c-1,2024-03-02T08:00:00Z,shiped,88,CNY", "'shiped' is not an order status (Draft, Placed, Paid, Shipped, Delivered, Cancelled, PartiallyRefunded or Refunded).")]
    [InlineData("o-2,c-1,2024-03-02T08:00:00Z,paid,\"12,50\",CNY", "total: '12,50' is not a number written with a dot, such as 12.50.")]
    [InlineData("o-2,c-1,2024-03-02T08:00:00Z,paid,12,50,CNY", "7 values for the 6 columns of the header (a value with a comma needs double quotes).")]
    [InlineData("o-2,c-1,2024-03-02T08:00:00Z,paid,0,CNY", "Total must be greater than zero (got 0.00 CNY).")]
    [InlineData("o-2,c-1,2024-03-02T08:00:00Z,paid,12.5,yuan", "'yuan' is not a currency code (use three letters, e.g. CNY).")]
    [InlineData("o-2,c-1,2024-03-02T08:00:00Z,draft,12.5,CNY", "A draft is a cart that was never placed; only placed orders can be imported.")]
    [InlineData("o-2,c-1,,paid,12.5,CNY", "placed_at: '' is not an ISO 8601 timestamp such as 2024-03-01T10:30:00+08:00.")]
    [InlineData("o-2,c-9,2024-03-02T08:00:00Z,paid,12.5,CNY", "No customer has external_id 'c-9' (it is neither in CrmBot nor a customer the import took in).")]
    [InlineData("o-1,c-1,2024-03-02T08:00:00Z,paid,12.5,CNY", "external_id 'o-1' is on line 2 already.")]
    public async Task ABadOrderIsReportedWithItsLineAndSkipped(string row, string reason)
    {
        var files = _files.Shop() with { Orders = _files.Orders(Delivered, row) };

        var summary = await _db.ImportAsync(files);

        Assert.Equal((2, 1, 0, 0, 1), summary.File("orders.csv").Counts());
        Assert.Equal(new ImportRejection("orders.csv", 3, reason), Assert.Single(summary.File("orders.csv").Rejections));
        Assert.Equal(["o-1"], await _db.WithDbAsync(db => db.Orders.Select(o => o.ExternalId).ToListAsync(Ct)));
    }

    [Fact]
    public async Task TheOrdersOfARejectedCustomerAreRejectedToo()
    {
        var files = _files.Shop() with { Customers = _files.Customers(ZhangSan, "c-2,Li Na,not-an-email,,,,") };

        var summary = await _db.ImportAsync(files);

        Assert.Equal(3, Assert.Single(summary.File("customers.csv").Rejections).Line);
        Assert.Equal(3, Assert.Single(summary.File("orders.csv").Rejections).Line);
        Assert.Equal(3, Assert.Single(summary.File("interactions.csv").Rejections).Line);
    }

    [Fact]
    public async Task ImportingTheSameFilesAgainCreatesNothing()
    {
        var files = _files.Shop();
        await _db.ImportAsync(files);

        var again = await _db.ImportAsync(files);

        Assert.All(again.Files, file => Assert.Equal((2, 0, 0, 2, 0), file.Counts()));
        Assert.Equal((2, 2, 2, 2), await _db.WithDbAsync(async db => (
            await db.Customers.CountAsync(Ct), await db.Orders.CountAsync(Ct), await db.Interactions.CountAsync(Ct), await db.Set<Payment>().CountAsync(Ct))));
    }

    [Fact]
    public async Task ImportingChangedFilesUpdatesTheRowsThatChanged()
    {
        await _db.ImportAsync(_files.Shop());
        var files = _files.Shop() with
        {
            Customers = _files.Customers(ZhangSan, "c-2,Li Na,li.na@new.example.com,,上海,CN,2024-02-01T09:00:00Z"),
            Orders = _files.Orders(Delivered, "o-2,c-2,2024-03-02T08:00:00Z,refunded,88,CNY"),
        };

        var summary = await _db.ImportAsync(files);

        Assert.Equal((2, 0, 1, 1, 0), summary.File("customers.csv").Counts());
        Assert.Equal((2, 0, 1, 1, 0), summary.File("orders.csv").Counts());
        Assert.Equal("li.na@new.example.com", await _db.WithDbAsync(db => db.Customers.Where(c => c.ExternalId == "c-2").Select(c => c.Email).SingleAsync(Ct)));
        var timeline = await _db.OrdersAsync(orders => orders.TimelineAsync("SO-10002", Ct));
        Assert.Equal((OrderStatus.Refunded, 88m, 88m), (timeline.Status, timeline.AmountPaid.Amount, timeline.AmountRefunded.Amount));
        Assert.Equal([(null, OrderStatus.Paid), (OrderStatus.Paid, OrderStatus.Refunded)], timeline.Entries.Select(e => (e.From, e.To)));
        Assert.Equal(2, await _db.WithDbAsync(db => db.Set<Payment>().CountAsync(Ct)));
    }

    [Fact]
    public async Task ARerunKeepsWhatPeopleToldCrmBot()
    {
        await _db.ImportAsync(_files.Shop());
        var zhang = await _db.WithDbAsync(db => db.Customers.SingleAsync(c => c.ExternalId == "c-1", Ct));
        await _db.CustomersAsync(customers => customers.UpdateAsync(zhang.Id, new CustomerProfile(
            zhang.Name, zhang.Email, zhang.Phone, new PostalAddress("建国路 88 号", "北京", null, "100022", "CN"), "Asia/Shanghai", "zh-CN", ConsentToProactiveMessages: true), Ct));

        var summary = await _db.ImportAsync(_files.Shop());

        Assert.Equal((2, 0, 0, 2, 0), summary.File("customers.csv").Counts());
        var kept = await _db.CustomersAsync(customers => customers.GetAsync(zhang.Id, Ct));
        Assert.Equal(("建国路 88 号", "Asia/Shanghai", "zh-CN", true), (kept.Address?.Street, kept.TimeZone, kept.PreferredLanguage, kept.ConsentToProactiveMessages));
    }

    [Fact]
    public async Task AnOrderWorkedOnInCrmBotSinceItsImportIsLeftAsItIs()
    {
        await _db.ImportAsync(_files.Shop());
        await _db.OrdersAsync(orders => orders.ShipAsync("SO-10002", "SF Express", "SF1234567890", TestDatabase.Rep, ct: Ct));
        var files = _files.Shop() with { Orders = _files.Orders(Delivered, "o-2,c-2,2024-03-02T08:00:00Z,cancelled,88,CNY") };

        var summary = await _db.ImportAsync(files);

        var rejection = Assert.Single(summary.File("orders.csv").Rejections);
        Assert.Equal("Order SO-10002 has been worked on in CrmBot since it was imported (it is Shipped now), so the import leaves it as it is.", rejection.Reason);
        Assert.Equal(OrderStatus.Shipped, (await _db.ReloadAsync("SO-10002", Ct)).Status);
    }

    [Fact]
    public async Task ARowTheDatabaseRefusesMidWriteLeavesNothingBehind()
    {
        // The order's own row goes in first; its audit entry then fails, as a full disk or a constraint would.
        await _db.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            CREATE TRIGGER FailOneImport BEFORE INSERT ON OrderHistory WHEN NEW.Note LIKE '%(external id o-bad)%'
            BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;
            """, Ct));
        var files = _files.Shop() with { Orders = _files.Orders(Delivered, "o-bad,c-1,2024-03-02T08:00:00Z,paid,10,CNY", Paid) };

        var summary = await _db.ImportAsync(files);

        Assert.Equal((3, 2, 0, 0, 1), summary.File("orders.csv").Counts());
        var rejection = Assert.Single(summary.File("orders.csv").Rejections);
        Assert.Equal(3, rejection.Line);
        Assert.Contains("disk I/O error", rejection.Reason, StringComparison.Ordinal);
        var orders = await _db.WithDbAsync(db => db.Orders.OrderBy(o => o.Number).Select(o => o.Number + " " + o.ExternalId).ToListAsync(Ct));
        Assert.Equal(["SO-10001 o-1", "SO-10002 o-2"], orders);
        Assert.Equal((2, 2), await _db.WithDbAsync(async db => (await db.Set<OrderStatusChange>().CountAsync(Ct), await db.Set<Payment>().CountAsync(Ct))));
    }

    [Fact]
    public async Task TimestampsKeepTheirMomentWhateverTheOffset()
    {
        var files = _files.Shop() with
        {
            Orders = _files.Orders(
                "o-1,c-1,2024-03-01T10:00:00+08:00,placed,1,CNY",
                "o-2,c-1,2024-03-01T02:00:00Z,placed,1,CNY",
                "o-3,c-1,2024-03-01 02:00,placed,1,CNY",
                "o-4,c-1,2024-03-01T04:30:00.250+02:30,placed,1,CNY"),
            Interactions = _files.Interactions("c-1,2024-03-01T10:00:00+08:00,call", "c-1,2024-03-01T02:00:00Z,CALL"),
        };

        var summary = await _db.ImportAsync(files);

        var moment = new DateTimeOffset(2024, 3, 1, 2, 0, 0, TimeSpan.Zero);
        var placed = await _db.WithDbAsync(db => db.Orders.OrderBy(o => o.ExternalId).Select(o => o.PlacedAt).ToListAsync(Ct));
        Assert.Equal([moment, moment, moment, moment.AddMilliseconds(250)], placed);
        Assert.Equal("The same call with customer 'c-1' at that moment is on line 2 already.", Assert.Single(summary.File("interactions.csv").Rejections).Reason);
    }

    [Fact]
    public async Task ThousandsOfRowsImportInBatchesWithTheirBadRowsRejected()
    {
        var customers = Enumerable.Range(1, 2_500).Select(i => i % 1000 == 7 ? $"c-{i},Bad {i},bad-email,,,," : $"c-{i},Customer {i},customer{i}@example.com,,,,2024-01-01");
        var orders = Enumerable.Range(1, 2_500).Select(i => $"o-{i},c-{i},2024-02-01T00:00:00Z,delivered,{i}.5,CNY");
        var files = new ImportFiles(_files.Customers([.. customers]), _files.Orders([.. orders]));

        var summary = await _db.ImportAsync(files);

        Assert.Equal((2_500, 2_497, 0, 0, 3), summary.File("customers.csv").Counts());
        Assert.Equal((2_500, 2_497, 0, 0, 3), summary.File("orders.csv").Counts());
        Assert.Equal([8, 1008, 2008], summary.File("orders.csv").Rejections.Select(r => r.Line));
        Assert.Equal(10_000 + 2_497, await _db.WithDbAsync(db => db.Sequences.Select(s => s.Value).SingleAsync(Ct)));
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _files.Dispose();
    }
}
