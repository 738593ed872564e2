using System.Globalization;
using System.Text;
using CrmBot.Domain.Common;
using CrmBot.Domain.DemoData;
using CrmBot.Domain.Import;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Benchmarks;

/// <summary>
/// The demo shop grown to a given size. The extra customers, orders and interactions go in through the shop import (so
/// each order has its payments, refunds and audit trail like an imported shop's), spread over the demo's two years; each
/// extra customer is modelled on a demo customer (city, country, time zone, language, consent and rep), and the orders
/// and interactions are spread over all customers, the demo's and the extra ones.
/// </summary>
internal static class GrownShop
{
    /// <summary>The extra customers' external ids start with it.</summary>
    public const string CustomerPrefix = "grown-customer-";

    private static readonly OrderStatus[] Statuses =
        [OrderStatus.Placed, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Delivered, OrderStatus.Delivered, OrderStatus.Cancelled, OrderStatus.Refunded];

    private static readonly string[] Kinds = ["call", "call", "chat", "email", "note"];

    /// <returns>The orders added.</returns>
    public static async Task<int> GrowAsync(IServiceProvider services, int totalOrders, DateTimeOffset now, CancellationToken ct) =>
        (await GrowAsync(services, new ShopSize(0, totalOrders, 0), now, ct)).Orders;

    /// <summary>Grows the shop to <paramref name="size"/> (totals, the demo's own rows included); returns what it added.</summary>
    public static async Task<ShopSize> GrowAsync(IServiceProvider services, ShopSize size, DateTimeOffset now, CancellationToken ct)
    {
        ShopSize existing;
        List<ModelCustomer> models;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            existing = new ShopSize(await db.Customers.CountAsync(ct), await db.Orders.CountAsync(ct), await db.Interactions.CountAsync(ct));
            models = await db.Customers.AsNoTracking()
                .Where(c => c.ExternalId != null && c.ExternalId.StartsWith(DemoShop.ExternalIdPrefix))
                .OrderBy(c => c.ExternalId)
                .Select(c => new ModelCustomer(
                    c.ExternalId!, c.Name, c.Address == null ? null : c.Address.City, c.Address == null ? null : c.Address.Country,
                    c.TimeZone, c.PreferredLanguage, c.ConsentToProactiveMessages, c.AssignedRepId))
                .ToListAsync(ct);
        }

        if (models.Count == 0)
        {
            throw new InvalidOperationException("Only the demo shop is grown: this database has none of its customers.");
        }

        var extra = new ShopSize(
            Math.Max(0, size.Customers - existing.Customers), Math.Max(0, size.Orders - existing.Orders), Math.Max(0, size.Interactions - existing.Interactions));
        if (extra is { Customers: 0, Orders: 0, Interactions: 0 })
        {
            return extra;
        }

        var folder = Directory.CreateTempSubdirectory("crmbot-grow-");
        ImportSummary summary;
        try
        {
            var files = new ImportFiles(
                Path.Combine(folder.FullName, "customers.csv"), Path.Combine(folder.FullName, "orders.csv"), Path.Combine(folder.FullName, "interactions.csv"));
            var customerIds = models.Select(m => m.ExternalId).Concat(Enumerable.Range(0, extra.Customers).Select(ExternalId)).ToList();
            await WriteCustomersAsync(files.Customers, extra.Customers, models, now, ct);
            await WriteOrdersAsync(files.Orders, extra.Orders, customerIds, now, ct);
            await WriteInteractionsAsync(files.Interactions!, extra.Interactions, customerIds, now, ct);
            await using var scope = services.CreateAsyncScope();
            summary = await scope.ServiceProvider.GetRequiredService<ShopImport>().RunAsync(files, ct: ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        await TakeAfterModelsAsync(services, extra.Customers, models, now, ct);
        await DateAuditTrailsAsync(services, ct);
        return new ShopSize(summary.Files[0].Created, summary.Files[1].Created, summary.Files[2].Created);
    }

    private static string ExternalId(int index) => string.Create(CultureInfo.InvariantCulture, $"{CustomerPrefix}{index:000000}");

    /// <summary>Customers since three years before <paramref name="now"/>, each with a demo customer's name, city and country.</summary>
    private static async Task WriteCustomersAsync(string path, int count, List<ModelCustomer> models, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(11);
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await writer.WriteLineAsync("external_id,name,email,phone,city,country,created_at");
        for (var i = 0; i < count; i++)
        {
            var model = models[i % models.Count];
            var createdAt = now.AddDays(-1095 + (1094 * random.NextDouble()));
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"{ExternalId(i)},{Quoted(model.Name)},{ExternalId(i)}@example.com,,{Quoted(model.City)},{model.Country},{createdAt:yyyy-MM-dd'T'HH:mm:sszzz}");
            await writer.WriteLineAsync(line.AsMemory(), ct);
        }
    }

    private static async Task WriteOrdersAsync(string path, int count, List<string> customers, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(7);
        var start = now.AddDays(-730);
        var step = TimeSpan.FromDays(729) / Math.Max(1, count);
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await writer.WriteLineAsync("external_id,customer_external_id,placed_at,status,total,currency");
        for (var i = 0; i < count; i++)
        {
            var customer = customers[random.Next(customers.Count)];
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"grown-{i},{customer},{start + step * i:yyyy-MM-dd'T'HH:mm:sszzz},{Statuses[random.Next(Statuses.Length)]},{random.Next(20, 3000)}.{random.Next(100):00},CNY");
            await writer.WriteLineAsync(line.AsMemory(), ct);
        }
    }

    private static async Task WriteInteractionsAsync(string path, int count, List<string> customers, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(13);
        var start = now.AddDays(-730);
        var step = TimeSpan.FromDays(729) / Math.Max(1, count);
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await writer.WriteLineAsync("customer_external_id,occurred_at,kind");
        for (var i = 0; i < count; i++)
        {
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"{customers[random.Next(customers.Count)]},{start + step * i:yyyy-MM-dd'T'HH:mm:sszzz},{Kinds[random.Next(Kinds.Length)]}");
            await writer.WriteLineAsync(line.AsMemory(), ct);
        }
    }

    /// <summary>What customers.csv cannot say: each extra customer takes its demo customer's time zone, language, consent and rep.</summary>
    private static async Task TakeAfterModelsAsync(IServiceProvider services, int count, List<ModelCustomer> models, DateTimeOffset now, CancellationToken ct)
    {
        const int batch = 2000;
        for (var first = 0; first < count; first += batch)
        {
            var (from, to) = (ExternalId(first), ExternalId(Math.Min(first + batch, count) - 1));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var customers = await db.Customers
                .Where(c => c.ExternalId != null && c.ExternalId.CompareTo(from) >= 0 && c.ExternalId.CompareTo(to) <= 0)
                .ToListAsync(ct);
            foreach (var customer in customers)
            {
                var model = models[int.Parse(customer.ExternalId![CustomerPrefix.Length..], CultureInfo.InvariantCulture) % models.Count];
                customer.Update(
                    new(customer.Name, customer.Email, customer.Phone, customer.Address, model.TimeZone, model.Language, model.Consent),
                    "CN",
                    now);
                customer.AssignRep(model.RepId, now);
            }

            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The import records an order's status as of the import; a shop that had run on CrmBot would show each order
    /// entering it when it was placed, which the time-based workflow triggers (an order left in a state) look at.
    /// </summary>
    private static async Task DateAuditTrailsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var importer = Actor.Import.ToString();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Set<OrderStatusChange>()
            .Where(h => h.Actor == importer)
            .ExecuteUpdateAsync(
                set => set.SetProperty(
                    h => h.At,
                    h => db.Orders.Where(o => o.Id == EF.Property<Guid>(h, "OrderId")).Select(o => o.PlacedAt!.Value).First()),
                ct);
    }

    private static string? Quoted(string? value) =>
        value is null || value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed record ModelCustomer(
        string ExternalId, string Name, string? City, string? Country, string TimeZone, string Language, bool Consent, Guid? RepId);
}
