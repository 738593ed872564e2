using System.Diagnostics;
using System.Net.Http.Json;
using CrmBot.Benchmarks;
using CrmBot.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CrmBot.Tests.Reliability;

/// <summary>
/// Many writers at once on the one SQLite database of the real app (default provider): conversations saving their
/// state, web chats storing their activities, the back office placing orders of one product and updating customers.
/// SQLite lets one writer in at a time; the others must wait their turn, never see "database is locked".
/// </summary>
[Collection(ReliabilitySuite.Name)]
public sealed class SqliteWritersTests
{
    private const int Conversations = 16;
    private const int WebChats = 8;
    private const int BackOffices = 24;
    private const string Locked = "database is locked";

    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentWritersThroughChatsWebChatsAndTheApiNeverReachAUserAsALockedDatabase()
    {
        await using var app = new WritersApplication();
        using var bot = app.CreateClient();
        using var api = app.Client();
        var product = await app.AddProductAsync(stock: 1_000_000);
        var tracked = await app.AddCustomerAsync("王芳", "wang.fang@example.com");
        var order = new TrackableOrder((await app.PlaceOrderAsync(tracked.Id, product.Sku)).GetProperty("number").GetString()!, tracked.Email!);
        var script = VisitorScript.For(order);
        List<ILoadVisitor> writers =
        [
            .. Enumerable.Range(0, Conversations).Select(index => new SimulatedConversation(bot, "/api/messages", $"writer-{index}", script)),
            .. Enumerable.Range(0, WebChats).Select(_ => new DirectLineVisitor(bot, script, TimeSpan.FromMilliseconds(50))),
        ];
        foreach (var index in Enumerable.Range(0, BackOffices))
        {
            writers.Add(new BackOffice(api, (await app.AddCustomerAsync($"Customer {index}")).Id, product.Sku));
        }

        var load = await ClosedLoop.RunAsync(writers, Duration, Ct);

        var errors = load.Turns.Where(turn => turn.Error is not null).GroupBy(turn => turn.Error)
            .Select(error => $"{error.Count()} x {error.Key}").Take(10);
        TestContext.Current.TestOutputHelper?.WriteLine($"{writers.Count} writers: {load.Turns.Count} requests in {load.Elapsed.TotalSeconds:0.0} s, {load.Answered} answered as expected.");
        Assert.True(load.Answered == load.Turns.Count, $"{load.Turns.Count} requests, {load.Answered} answered as expected: {string.Join("; ", errors)}");
        Assert.True(load.Turns.Count >= 2 * writers.Count, $"Only {load.Turns.Count} requests from {writers.Count} writers.");
        var logged = app.Logs.GetSnapshot();
        Assert.DoesNotContain(logged, record => $"{record.Message} {record.Exception}".Contains(Locked, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logged, record => record.Level >= LogLevel.Error);
    }

    /// <summary>The API app with a web chat (visitor tokens without limit) and its log kept for the test to read.</summary>
    private sealed class WritersApplication : ApiApplication
    {
        public FakeLogCollector Logs => Services.GetFakeLogCollector();

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
        {
            ["DirectLine:Secret"] = "test-writers-direct-line-secret",
            ["DirectLine:VisitorTokensPerMinute"] = "1000000",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddFakeLogging());
        }
    }

    /// <summary>A back office client taking turns: an order of the product every customer buys, then its own customer updated.</summary>
    private sealed class BackOffice(HttpClient api, Guid customerId, string sku) : ILoadVisitor
    {
        private int _turns;

        public async Task<TurnOutcome> TakeTurnAsync(CancellationToken ct)
        {
            var turn = ++_turns;
            var started = Stopwatch.GetTimestamp();
            using var response = turn % 2 == 1
                ? await api.PlaceOrderAsync("orders", customerId, sku, 1, $"{customerId:N}-{turn}", ct)
                : await api.PutAsJsonAsync($"customers/{customerId}", new { name = $"Customer {turn}", email = $"{customerId:N}@example.com" }, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var error = !response.IsSuccessStatusCode || body.Contains(Locked, StringComparison.OrdinalIgnoreCase)
                ? $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: HTTP {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}"
                : null;
            return new TurnOutcome(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, body.Length, error);
        }
    }
}
