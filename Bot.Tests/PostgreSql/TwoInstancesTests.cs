using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmBot.Benchmarks;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.PostgreSql;

/// <summary>
/// Two CrmBot processes (<c>dotnet CrmBot.dll</c>, Production) on different loopback ports, both on one PostgreSQL
/// database with the demo shop: what one instance starts, the other carries on.
/// </summary>
public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient First => instances.First;

    private HttpClient Second => instances.Second;

    [Fact]
    public async Task BothInstancesStartingTogetherLoadTheDemoShopOnce()
    {
        await using var db = instances.Open();

        Assert.Equal(500, await db.Customers.CountAsync(Ct));
        Assert.NotEqual(First.BaseAddress!.Port, Second.BaseAddress!.Port);
    }

    [Fact]
    public async Task AConversationBegunOnOneInstanceGoesOnOnTheOther()
    {
        var (number, email) = await instances.TrackableOrderAsync(Ct);
        var conversation = $"two-instances-{Guid.NewGuid():N}";

        var asked = await TurnAsync(First, conversation, $"track {number}");
        var answered = await TurnAsync(Second, conversation, email);

        Assert.StartsWith("To keep your order private, what email address or phone number is on the order?", asked, StringComparison.Ordinal);
        Assert.StartsWith($"Order {number} is ", answered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoTurnsOfOneConversationAtOnceOnBothInstancesLeaveItWorking()
    {
        var (number, email) = await instances.TrackableOrderAsync(Ct);
        var conversation = $"two-instances-{Guid.NewGuid():N}";
        await TurnAsync(First, conversation, $"track {number}");

        var replies = await Task.WhenAll(
            SendAsync(First, conversation, email),
            SendAsync(Second, conversation, email));

        // Whichever saved second found the state changed (its eTag stale): it answers politely, nothing breaks.
        Assert.All(replies, reply => Assert.Equal(HttpStatusCode.OK, reply.Status));
        Assert.Contains(replies, reply => reply.Text.StartsWith($"Order {number} is ", StringComparison.Ordinal));
        Assert.StartsWith("Here is what I can do for you:", await TurnAsync(Second, conversation, "hi"), StringComparison.Ordinal);
        Assert.StartsWith("Here is what I can do for you:", await TurnAsync(First, conversation, "hi"), StringComparison.Ordinal);
    }

    private static async Task<string> TurnAsync(HttpClient instance, string conversation, string text)
    {
        var reply = await SendAsync(instance, conversation, text);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Text;
    }

    /// <summary>A visitor's message to /api/messages, with the bot's replies in the response (expectReplies).</summary>
    private static async Task<(HttpStatusCode Status, string Text)> SendAsync(HttpClient instance, string conversation, string text)
    {
        using var response = await instance.PostAsJsonAsync("/api/messages", new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            timestamp = DateTimeOffset.UtcNow,
            channelId = "webchat",
            serviceUrl = "https://channel.invalid/",
            from = new { id = $"visitor-{conversation}", name = "Visitor" },
            recipient = new { id = "crmbot", name = "CrmBot" },
            conversation = new { id = conversation },
            locale = "en-US",
            deliveryMode = "expectReplies",
            text,
        }, Ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var texts = body.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null)
            .OfType<string>();
        return (response.StatusCode, string.Join('\n', texts));
    }
}

/// <summary>
/// The two instances, started once for the tests of <see cref="TwoInstancesTests"/>, at the same moment, on a new
/// database; nothing is started without a PostgreSQL server (each test then skips, or fails in CI).
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private static readonly string SigningKey = Convert.ToBase64String([.. Guid.NewGuid().ToByteArray(), .. Guid.NewGuid().ToByteArray()]);

    private readonly List<BotProcess> _instances = [];
    private readonly List<string> _folders = [];
    private string _database = string.Empty;
    private HttpClient? _first;
    private HttpClient? _second;

    public HttpClient First => Started(_first);

    public HttpClient Second => Started(_second);

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgreSqlServer.Variable)))
        {
            return;
        }

        _database = await PostgreSqlServer.CreateDatabaseAsync(CancellationToken.None);

        // Both start at once: one loads the demo shop while the other waits for it.
        _instances.AddRange(await Task.WhenAll(StartAsync(), StartAsync()));
        _first = new HttpClient { BaseAddress = _instances[0].BaseAddress };
        _second = new HttpClient { BaseAddress = _instances[1].BaseAddress };
    }

    public PostgreSqlCrmDbContext Open()
    {
        Started(_first);
        return new(new DbContextOptionsBuilder<PostgreSqlCrmDbContext>().UseNpgsql(_database).Options);
    }

    internal async Task<TrackableOrder> TrackableOrderAsync(CancellationToken ct)
    {
        await using var db = Open();
        return (await TrackableOrder.FindAsync(db, 1, ct))[0];
    }

    public async ValueTask DisposeAsync()
    {
        _first?.Dispose();
        _second?.Dispose();
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        if (_database.Length > 0)
        {
            await PostgreSqlServer.DropDatabaseAsync(_database);
        }

        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static HttpClient Started(HttpClient? client)
    {
        // Skips the test without a server (fails it in CI), as every PostgreSQL test does.
        PostgreSqlServer.ServerConnectionString();
        return client ?? throw new InvalidOperationException("The two instances did not start.");
    }

    private Task<BotProcess> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("crmbot-instance-").FullName;
        _folders.Add(folder);
        return StartInstanceAsync(_database, folder, new Dictionary<string, string> { ["Database:SeedDemoData"] = "true" });
    }

    /// <summary>One instance on <paramref name="database"/>, its files in <paramref name="folder"/>, with more settings.</summary>
    internal static Task<BotProcess> StartInstanceAsync(string database, string folder, IReadOnlyDictionary<string, string> settings) =>
        BotProcess.StartAsync(
            new Dictionary<string, string>(settings)
            {
                ["Database:Provider"] = "PostgreSql",
                ["Database:ConnectionString"] = database,
                ["Database:DataDirectory"] = folder,
                ["DirectLine:TokenSigningKey"] = SigningKey,
                ["MicrosoftAppId"] = "",
                ["MicrosoftAppPassword"] = "",
            },
            CancellationToken.None);
}
