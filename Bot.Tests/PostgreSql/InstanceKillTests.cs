using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CrmBot.Api;
using CrmBot.Benchmarks;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Products;
using CrmBot.Tests.Api;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.PostgreSql;

/// <summary>
/// Two instances on one PostgreSQL database take orders through the REST API; one is killed (SIGKILL) in the middle.
/// Clients whose request died retry it, with the same Idempotency-Key, on the instance that is left.
/// </summary>
public sealed class InstanceKillTests
{
    private const string Key = "crm_test_kill_key";
    private const int Stock = 10_000;
    private const int Workers = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KillingOneInstanceMidLoadLosesNoAcknowledgedOrderAndWritesNoneTwice()
    {
        var database = await PostgreSqlServer.CreateDatabaseAsync(Ct);
        var folders = new[] { Directory.CreateTempSubdirectory("crmbot-kill-"), Directory.CreateTempSubdirectory("crmbot-kill-") };
        BotProcess? doomed = null;
        BotProcess? survivor = null;
        try
        {
            var customerId = await ShopAsync(database);
            var settings = new Dictionary<string, string>
            {
                ["Database:SeedDemoData"] = "false",
                ["Jobs:Enabled"] = "false",
                ["Api:Keys:shop:Hash"] = ApiKey.Hash(Key),
                ["Api:Keys:shop:Scopes:0"] = "write",
                ["Api:RateLimit:PermitLimit"] = "1000000",
            };
            doomed = await TwoInstances.StartInstanceAsync(database, folders[0].FullName, settings);
            survivor = await TwoInstances.StartInstanceAsync(database, folders[1].FullName, settings);
            using var toDoomed = Client(doomed);
            using var toSurvivor = Client(survivor);

            // Each worker places orders one after another, half of them on the instance about to die.
            var acknowledged = new ConcurrentDictionary<string, string>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var idempotencyKey = $"w{worker}-{i}";
                    acknowledged[idempotencyKey] = await PlaceAsync(worker % 2 == 0 ? toDoomed : toSurvivor, toSurvivor, customerId, idempotencyKey);
                }
            })).ToList();
            await UntilAsync(() => acknowledged.Count >= 40, workers);
            var placedBeforeKill = acknowledged.Count;
            await doomed.KillAsync();
            await UntilAsync(() => acknowledged.Count >= placedBeforeKill + 40, workers);
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            await using var db = Open(database);
            var orders = await db.Orders.Where(o => o.CustomerId == customerId).Select(o => new { o.Number, o.IdempotencyKey }).ToListAsync(Ct);
            var stock = await db.Products.Where(p => p.Sku == "TEA").Select(p => p.Stock).SingleAsync(Ct);
            Assert.True(placedBeforeKill > 0, "No order was placed before the kill.");
            Assert.True(acknowledged.Count > placedBeforeKill, "No order was placed after the kill.");
            Assert.Equal(acknowledged.Count, orders.Count);
            Assert.Equal(acknowledged.Values.Order(), orders.Select(o => o.Number).Order());
            Assert.Equal(orders.Count, orders.Select(o => o.IdempotencyKey).Distinct().Count());
            Assert.Equal(Stock - orders.Count, stock);
        }
        finally
        {
            foreach (var instance in new[] { doomed, survivor }.OfType<BotProcess>())
            {
                await instance.DisposeAsync();
            }

            await PostgreSqlServer.DropDatabaseAsync(database);
            Array.ForEach(folders, folder => folder.Delete(recursive: true));
        }
    }

    /// <summary>Waits (a minute at most) until the condition holds; a worker that failed ends the wait with its error.</summary>
    private static async Task UntilAsync(Func<bool> condition, List<Task> workers)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            if (workers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed;
            }

            Assert.True(DateTime.UtcNow < deadline, "The orders did not come in within a minute.");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>Places one tea and returns the order's number; a request that died with its instance goes again to the other.</summary>
    private static async Task<string> PlaceAsync(HttpClient first, HttpClient fallback, Guid customerId, string idempotencyKey)
    {
        foreach (var client in first == fallback ? [first] : new[] { first, fallback })
        {
            try
            {
                using var response = await client.PlaceOrderAsync("/api/v1/orders", customerId, "TEA", 1, idempotencyKey, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{response.StatusCode}: {body}");
                return JsonDocument.Parse(body).RootElement.GetProperty("number").GetString()!;
            }
            catch (HttpRequestException) when (client != fallback)
            {
                // The instance is gone (connection refused or reset): the same request, to the other one.
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static HttpClient Client(BotProcess instance)
    {
        var client = new HttpClient { BaseAddress = instance.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(ApiKey.HeaderName, Key);
        return client;
    }

    private static async Task<Guid> ShopAsync(string database)
    {
        await using var db = Open(database);
        var customer = new Customer(new CustomerProfile("王芳", "wang.fang@example.com", null), "CN", DateTimeOffset.UtcNow);
        db.Customers.Add(customer);
        db.Products.Add(new Product("TEA", "Longjing tea", new Money(45m, "CNY"), Stock));
        await db.SaveChangesAsync(Ct);
        return customer.Id;
    }

    private static PostgreSqlCrmDbContext Open(string database) =>
        new(new DbContextOptionsBuilder<PostgreSqlCrmDbContext>().UseNpgsql(database).Options);
}
