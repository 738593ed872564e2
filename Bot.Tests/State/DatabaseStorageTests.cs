using CrmBot.Domain.Persistence;
using CrmBot.State;
using CrmBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace CrmBot.Tests.State;

/// <summary>Bot state kept in the project's database, with eTags so concurrent turns cannot overwrite each other.</summary>
public class DatabaseStorageTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnItemWrittenIsReadBackWithAnETag()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = StorageOf(db);

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "call 张三 back" } }, Ct);
        var read = await ReadNoteAsync(storage, "k");

        Assert.Equal("call 张三 back", read.Text);
        Assert.False(string.IsNullOrEmpty(read.ETag));
    }

    [Fact]
    public async Task AWriteWithAStaleETagIsRefusedAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = StorageOf(db);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "first" } }, Ct);
        var mine = await ReadNoteAsync(storage, "k");
        var theirs = await ReadNoteAsync(storage, "k");
        theirs.Text = "theirs";
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = theirs }, Ct);

        mine.Text = "mine";
        var error = await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["k"] = mine }, Ct));

        Assert.Equal("k", error.Key);
        Assert.Equal("theirs", (await ReadNoteAsync(storage, "k")).Text);
    }

    [Fact]
    public async Task EachWriteRecordsItsTimeAndANewETag()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = StorageOf(db);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "first" } }, Ct);
        var first = await db.WithDbAsync(d => d.StoredStates.AsNoTracking().SingleAsync(s => s.Key == "k", Ct));
        var note = await ReadNoteAsync(storage, "k");

        db.Clock.Advance(TimeSpan.FromMinutes(90));
        note.Text = "second";
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = note }, Ct);
        var second = await db.WithDbAsync(d => d.StoredStates.AsNoTracking().SingleAsync(s => s.Key == "k", Ct));
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "third", ETag = "*" } }, Ct);
        var third = await db.WithDbAsync(d => d.StoredStates.AsNoTracking().SingleAsync(s => s.Key == "k", Ct));

        Assert.Equal(TestDatabase.Start, first.UpdatedAt);
        Assert.Equal(TestDatabase.Start.AddMinutes(90), second.UpdatedAt);
        Assert.Equal(TestDatabase.Start.AddMinutes(95), third.UpdatedAt);
        Assert.Equal(3, new[] { first.ETag, second.ETag, third.ETag }.Distinct().Count());
        Assert.Equal(second.ETag, note.ETag);
        Assert.Contains("third", third.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoTurnsCreatingTheSameStateAtOnceCannotBothWin()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = StorageOf(db);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = $"writer {i}" } }, Ct);
                return true;
            }
            catch (StorageConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(won => won));
    }

    [Fact]
    public async Task TheStarETagOverwritesWhateverIsStored()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = StorageOf(db);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "old" } }, Ct);

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "new", ETag = "*" } }, Ct);

        Assert.Equal("new", (await ReadNoteAsync(storage, "k")).Text);
    }

    [Fact]
    public async Task SavingTwiceInOneTurnDoesNotConflictWithItself()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = StorageOf(db);
        var note = new Note { Text = "one" };
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = note }, Ct);

        note.Text = "two";
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = note }, Ct);

        Assert.Equal("two", (await ReadNoteAsync(storage, "k")).Text);
    }

    [Fact]
    public async Task TextThatLooksLikeADateComesBackAsTheSameText()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = StorageOf(db);

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "2026-11-25T10:00:00+08:00" } }, Ct);

        Assert.Equal("2026-11-25T10:00:00+08:00", (await ReadNoteAsync(storage, "k")).Text);
    }

    [Fact]
    public async Task DeletedStateIsGone()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = StorageOf(db);
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "a" }, ["b"] = new Note { Text = "b" } }, Ct);

        await storage.DeleteAsync(["a"], Ct);

        var left = await storage.ReadAsync(["a", "b"], Ct);
        Assert.Equal(["b"], left.Keys);
    }

    [Fact]
    public async Task ConversationStateSurvivesARestartOfTheBot()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var conversation = new ConversationReference
        {
            ChannelId = "test",
            ServiceUrl = "https://test.com",
            User = new ChannelAccount("user1", "User1"),
            Bot = new ChannelAccount("bot", "Bot"),
            Conversation = new ConversationAccount(false, "convo1", "Conversation1"),
        };

        await new TestFlow(new TestAdapter(conversation), CountingBot(StorageOf(db)))
            .Send("one").AssertReply("turn 1")
            .Send("two").AssertReply("turn 2")
            .StartTestAsync();

        // A new process: new storage, new ConversationState, same database.
        await new TestFlow(new TestAdapter(conversation), CountingBot(StorageOf(db)))
            .Send("three").AssertReply("turn 3")
            .StartTestAsync();

        var stored = await db.WithDbAsync(context => context.StoredStates.CountAsync(Ct));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task AKeyLongerThanTheColumnIsRefusedClearly()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = StorageOf(db);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { [new string('k', StoredState.KeyMaxLength + 1)] = new Note() }, Ct));

        Assert.Contains("1 to 1024 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullPropertiesAreLeftOutButNullValuesOfADictionaryAreKept()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = StorageOf(db);
        var prompt = MessageFactory.Text("What is the order number?");
        var values = new Dictionary<string, object?> { ["contact"] = null, ["number"] = "SO-10042" };

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["prompt"] = prompt, ["values"] = values } }, Ct);
        var json = await db.WithDbAsync(context => context.StoredStates.Select(s => s.Json).SingleAsync(Ct));
        var read = JObject.FromObject((await storage.ReadAsync(["k"], Ct))["k"]);

        Assert.DoesNotContain("\"replyToId\"", json, StringComparison.Ordinal);
        Assert.Null(read["prompt"]!.ToObject<Activity>()!.ReplyToId);
        Assert.Equal("What is the order number?", read["prompt"]!.ToObject<Activity>()!.Text);
        Assert.Equal(JTokenType.Null, read["values"]!["contact"]!.Type);
    }

    [Fact]
    public async Task APropertyOfAKnownTypeIsReadAsThatTypeAndTheOthersAsJson()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var storage = StorageOf(db, typed: true);
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["k"] = new Dictionary<string, object> { ["Note"] = new Note { Text = "call 张三 back" }, ["Language"] = "zh-CN" },
        }, Ct);

        var item = Assert.IsType<Dictionary<string, object>>((await storage.ReadAsync(["k"], Ct))["k"]);

        Assert.Equal("call 张三 back", Assert.IsType<Note>(item["Note"]).Text);
        Assert.Equal("zh-CN", Assert.IsAssignableFrom<JToken>(item["Language"]).Value<string>());
    }

    [Fact]
    public async Task AKnownPropertyThatNoLongerReadsAsItsTypeIsReadAsJsonForItsOwnerToHandle()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        await StorageOf(db).WriteAsync(new Dictionary<string, object>
        {
            ["k"] = new Dictionary<string, object> { ["Note"] = new JArray("an", "older", "shape"), ["Language"] = "en" },
        }, Ct);

        var item = Assert.IsType<Dictionary<string, object>>((await StorageOf(db, typed: true).ReadAsync(["k"], Ct))["k"]);

        Assert.Equal(["an", "older", "shape"], Assert.IsType<JArray>(item["Note"]).Values<string>());
        Assert.Equal("en", Assert.IsAssignableFrom<JToken>(item["Language"]).Value<string>());
    }

    /// <summary>Items come back as dictionaries of their properties' JSON, the shape BotState keeps them in.</summary>
    private static async Task<Note> ReadNoteAsync(DatabaseStorage storage, string key) =>
        JObject.FromObject(Assert.IsType<Dictionary<string, object>>((await storage.ReadAsync([key], Ct))[key])).ToObject<Note>()!;

    private static DatabaseStorage StorageOf(TestDatabase db, bool typed = false) =>
        new(db.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), db.Clock,
            typed ? Options.Create(new StoredStateOptions { PropertyTypes = { ["Note"] = typeof(Note) } }) : null);

    private static BotCallbackHandler CountingBot(IStorage storage)
    {
        var state = new ConversationState(storage);
        var turns = state.CreateProperty<int>("turns");
        return async (context, ct) =>
        {
            var count = await turns.GetAsync(context, () => 0, ct) + 1;
            await turns.SetAsync(context, count, ct);
            await context.SendActivityAsync($"turn {count}", cancellationToken: ct);
            await state.SaveChangesAsync(context, cancellationToken: ct);
        };
    }

    private sealed class Note : IStoreItem
    {
        public string Text { get; set; } = string.Empty;

        public string? ETag { get; set; }
    }
}
