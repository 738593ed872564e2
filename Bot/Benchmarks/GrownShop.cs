using System.Globalization;
using System.Text;
using CrmBot.Domain.DemoData;
using CrmBot.Domain.Import;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Benchmarks;

/// <summary>
/// The demo shop grown to a given number of orders: the extra orders, spread over the demo's two years and its
/// customers, go in through the shop import (so each has its payments, refunds and audit trail like an imported shop's).
/// </summary>
internal static class GrownShop
{
    private static readonly OrderStatus[] Statuses =
        [OrderStatus.Placed, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Delivered, OrderStatus.Delivered, OrderStatus.Cancelled, OrderStatus.Refunded];

    /// <returns>The orders added.</returns>
    public static async Task<int> GrowAsync(IServiceProvider services, int totalOrders, DateTimeOffset now, CancellationToken ct)
    {
        int existing;
        await using (var scope = services.CreateAsyncScope())
        {
            existing = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Orders.CountAsync(ct);
        }

        var extra = totalOrders - existing;
        if (extra <= 0)
        {
            return 0;
        }

        var folder = Directory.CreateTempSubdirectory("crmbot-grow-");
        try
        {
            var files = new ImportFiles(Path.Combine(folder.FullName, "customers.csv"), Path.Combine(folder.FullName, "orders.csv"));
            await File.WriteAllTextAsync(files.Customers, "external_id,name,email,phone,city,country,created_at\n", ct);
            await WriteOrdersAsync(files.Orders, extra, now, ct);
            await using var scope = services.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<ShopImport>().RunAsync(files, ct: ct);
            return summary.Files.Sum(f => f.Created);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task WriteOrdersAsync(string path, int count, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(7);
        var start = now.AddDays(-730);
        var step = TimeSpan.FromDays(729) / count;
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await writer.WriteLineAsync("external_id,customer_external_id,placed_at,status,total,currency");
        for (var i = 0; i < count; i++)
        {
            var customer = random.Next(DemoShop.CustomerCount) + 1;
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"grown-{i},{DemoShop.ExternalIdPrefix}{customer:0000},{start + step * i:yyyy-MM-dd'T'HH:mm:sszzz},{Statuses[random.Next(Statuses.Length)]},{random.Next(20, 3000)}.{random.Next(100):00},CNY");
            await writer.WriteLineAsync(line.AsMemory(), ct);
        }
    }
}
