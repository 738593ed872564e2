using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using CrmBot.Api;
using CrmBot.Benchmarks;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Products;
using CrmBot.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Reliability;

/// <summary>
/// The app on its SQLite files (default provider) is killed (SIGKILL) while shop clients place orders through the REST
/// API and its Hangfire job delivers a backlog of due reminders to reps' web chats, then started again on the same files.
/// Clients whose request died retry it on the restarted app with the same Idempotency-Key, as the API tells them to.
/// </summary>
[Collection(ReliabilitySuite.Name)]
public sealed class CrashRecoveryTests
{
    private const string Key = "crm_test_crash_key";
    private const int Stock = 100_000;
    private const int Workers = 4;
    private const int Reps = 4;
    private const int Reminders = 400;

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Retrigger = TimeSpan.FromSeconds(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KillingTheAppMidLoadLosesNoAcknowledgedOrderOrDueReminderAndDoublesNone()
    {
        var folder = Directory.CreateTempSubdirectory("crmbot-crash-");
        var settings = Settings(folder.FullName, out var secret);
        var shop = new RestartingShop();
        var elapsed = Stopwatch.StartNew();
        try
        {
            await using var services = DomainDatabase.Services(folder.FullName);
            var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
            var deliveries = new ReminderDeliveries(contexts);
            await shop.StartAsync(settings);
            var customerId = await TeaShopAsync(contexts);
            var backlog = new ReminderBacklog(contexts, TimeProvider.System);
            var reps = await backlog.AddRepsAsync(Reps, Ct);
            await ReminderBacklog.OpenChatsAsync(shop.Client, secret, reps, Ct);
            await backlog.AddRemindersAsync(reps, Reminders, DateTimeOffset.UtcNow, Ct);

            // Both loads are under way when the process dies: orders coming in, reminders going out.
            var acknowledged = new ConcurrentDictionary<string, string>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var idempotencyKey = $"w{worker}-{i}";
                    acknowledged[idempotencyKey] = await shop.PlaceAsync(customerId, idempotencyKey);
                }
            })).ToList();
            await UntilAsync(() => Task.FromResult(acknowledged.Count >= 20), workers, "orders before the reminders");
            ReminderRun.TriggerRemindersJob(folder.FullName);
            await UntilAsync(async () => (await deliveries.CountAsync(Ct)).Of(DeliveryStatus.Sent) >= Reminders / 5, workers, "reminders before the kill");
            await shop.KillAsync();
            var placedBeforeKill = acknowledged.Count;
            var atKill = await deliveries.CountAsync(Ct);
            var killedAfter = elapsed.Elapsed;

            await shop.StartAsync(settings);
            await UntilAsync(() => Task.FromResult(acknowledged.Count >= placedBeforeKill + 40), workers, "orders after the restart");
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            // The minutely job, run sooner: its next runs take over what the dead process left, its open web chat claims included.
            var end = await RemindersSettledAsync(deliveries, folder.FullName);

            await using var db = await contexts.CreateDbContextAsync(Ct);
            var orders = await db.Orders.Where(o => o.CustomerId == customerId)
                .Select(o => new { o.Number, o.IdempotencyKey, o.Status, Quantity = o.Lines.Sum(l => l.Quantity), Changes = o.History.Count })
                .ToListAsync(Ct);
            var stock = await db.Products.Where(p => p.Sku == "TEA").Select(p => p.Stock).SingleAsync(Ct);
            var messages = await deliveries.MessagesPerReminderAsync(Ct);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Orders acknowledged before the kill {placedBeforeKill}, in all {acknowledged.Count}; {shop.Retried} requests sent again after " +
                $"the kill, {shop.Replayed} of them answered with the order the killed process had written. Reminders at the kill: {atKill}; " +
                $"at the end: {end}. Killed after {killedAfter.TotalSeconds:0} s, all settled after {elapsed.Elapsed.TotalSeconds:0} s.");
            Assert.True(shop.Retried > 0, "No request was under way when the process was killed.");
            Assert.True(atKill.Of(DeliveryStatus.Sent) < Reminders, $"Every reminder was delivered before the kill ({atKill}).");
            Assert.Equal(acknowledged.Count, orders.Count);
            Assert.Equal(acknowledged.Values.Order(), orders.Select(o => o.Number).Order());
            Assert.Equal(orders.Count, orders.Select(o => o.IdempotencyKey).Distinct().Count());
            Assert.All(orders, order => Assert.Equal((OrderStatus.Placed, 1), (order.Status, order.Quantity)));
            Assert.All(orders, order => Assert.True(order.Changes > 0, $"{order.Number} has no history."));
            Assert.Equal(Stock - orders.Count, stock);
            Assert.Equal((Reminders, Reminders), (end.Total, end.Of(DeliveryStatus.Sent)));
            Assert.Equal(Reminders, messages.Count);
            Assert.All(messages.Values, count => Assert.Equal(1, count));
            Assert.DoesNotContain(shop.Output, line => line.Contains("database is locked", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await shop.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Settings(string folder, out string secret)
    {
        secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var settings = ReminderRun.ServerSettings(folder, secret, jobsPollInterval: TimeSpan.FromSeconds(1));
        settings["Api:Keys:shop:Hash"] = ApiKey.Hash(Key);
        settings["Api:Keys:shop:Scopes:0"] = ApiScopes.Write;
        settings["Api:RateLimit:PermitLimit"] = "1000000";
        return settings;
    }

    private static async Task<Guid> TeaShopAsync(IDbContextFactory<CrmDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync(Ct);
        var customer = new Customer(new CustomerProfile("王芳", "wang.fang@example.com", null), "CN", DateTimeOffset.UtcNow);
        db.Customers.Add(customer);
        db.Products.Add(new Product("TEA", "Longjing tea", new Money(45m, "CNY"), Stock));
        await db.SaveChangesAsync(Ct);
        return customer.Id;
    }

    /// <summary>Triggers the reminders job every few seconds until the ledger has sent every reminder, or the deadline.</summary>
    private static async Task<DeliveryCounts> RemindersSettledAsync(ReminderDeliveries deliveries, string folder)
    {
        var deadline = DateTime.UtcNow + Deadline;
        var nextTrigger = DateTime.UtcNow;
        while (true)
        {
            var counts = await deliveries.CountAsync(Ct);
            if (counts.Of(DeliveryStatus.Sent) == Reminders || DateTime.UtcNow > deadline)
            {
                return counts;
            }

            if (DateTime.UtcNow >= nextTrigger)
            {
                ReminderRun.TriggerRemindersJob(folder);
                nextTrigger = DateTime.UtcNow + Retrigger;
            }

            await Task.Delay(100, Ct);
        }
    }

    /// <summary>Waits until the condition holds or the deadline; a worker that failed ends the wait with its error.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, List<Task> workers, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (workers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited {Deadline.TotalMinutes} minutes for the {what}.");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>
    /// The app in its process, killed and started again: the shop's client follows it to its new port, and a request that
    /// died with it goes again, with the same Idempotency-Key, once it is back.
    /// </summary>
    private sealed class RestartingShop : IAsyncDisposable
    {
        private readonly List<HttpClient> _clients = [];
        private readonly List<BotProcess> _processes = [];
        private volatile HttpClient? _client;
        private int _retried;
        private int _replayed;

        /// <summary>What the processes logged (Warning and above), the killed one's first.</summary>
        public IEnumerable<string> Output => _processes.SelectMany(process => process.Output);

        /// <summary>Requests that died with the process and were sent again.</summary>
        public int Retried => _retried;

        /// <summary>Of those, the ones the restarted app answered with the order the dead one had already written.</summary>
        public int Replayed => _replayed;

        public HttpClient Client => _client ?? throw new InvalidOperationException("The app is not running.");

        public async Task StartAsync(IReadOnlyDictionary<string, string> settings)
        {
            var process = await BotProcess.StartAsync(settings, Ct);
            _processes.Add(process);
            var client = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add(ApiKey.HeaderName, Key);
            _clients.Add(client);
            _client = client;
        }

        /// <summary>Kills the process with requests under way; clients find it gone from then on, until it is started again.</summary>
        public async Task KillAsync()
        {
            await _processes[^1].KillAsync();
            _client = null;
        }

        /// <summary>Places one tea and returns the order's number.</summary>
        public async Task<string> PlaceAsync(Guid customerId, string idempotencyKey)
        {
            var deadline = DateTime.UtcNow + Deadline;
            var failed = false;
            while (true)
            {
                if (_client is { } client)
                {
                    try
                    {
                        using var response = await client.PlaceOrderAsync("/api/v1/orders", customerId, "TEA", 1, idempotencyKey, CancellationToken.None);
                        var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{response.StatusCode}: {body}");
                        if (failed && response.StatusCode == HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref _replayed);
                        }

                        return JsonDocument.Parse(body).RootElement.GetProperty("number").GetString()!;
                    }
                    catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                    {
                        // The app is gone (connection refused or reset): the same request again once it is back.
                        if (!failed)
                        {
                            failed = true;
                            Interlocked.Increment(ref _retried);
                        }
                    }
                }

                Assert.True(DateTime.UtcNow < deadline, $"The app did not come back within {Deadline.TotalMinutes} minutes.");
                await Task.Delay(100, CancellationToken.None);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var process in _processes)
            {
                await process.DisposeAsync();
            }

            _clients.ForEach(client => client.Dispose());
        }
    }
}
