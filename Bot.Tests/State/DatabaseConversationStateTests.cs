using CrmBot.Domain.Persistence;
using CrmBot.State;
using CrmBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.State;

/// <summary>
/// Conversation state that tells a change by the text it would store: a turn that changes nothing writes nothing, any
/// change is written, and the eTag still stops a turn that lost a race.
/// </summary>
public class DatabaseConversationStateTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATurnThatOnlyReadsTheStateWritesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        await NotesFlow(db).Send("add call 张三").AssertReply("1 notes").StartTestAsync();
        var before = await StoredAsync(db);

        await NotesFlow(db).Send("show").AssertReply("1 notes").Send("show").AssertReply("1 notes").StartTestAsync();

        var after = await StoredAsync(db);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.Json, after.Json);
    }

    [Fact]
    public async Task AConversationThatNeverChangedItsStateLeavesNoRow()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);

        await NotesFlow(db).Send("show").AssertReply("0 notes").StartTestAsync();

        Assert.Equal(0, await db.WithDbAsync(context => context.StoredStates.CountAsync(Ct)));
    }

    [Fact]
    public async Task EachChangeIsWrittenAndReadAfterARestart()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);

        await NotesFlow(db).Send("add one").AssertReply("1 notes").Send("add two").AssertReply("2 notes").StartTestAsync();

        // A new process: new storage and state over the same database.
        await NotesFlow(db).Send("show").AssertReply("2 notes").StartTestAsync();
        Assert.Contains("\"two\"", (await StoredAsync(db)).Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearedStateIsWrittenEvenWhenItReadsLikeWhatWasLoaded()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);

        // Nothing stored reads as an empty state, and so does a cleared one; as with BotState, clearing is a change.
        await NotesFlow(db).Send("show").AssertReply("0 notes").Send("clear").AssertReply("0 notes").StartTestAsync();

        Assert.Equal("{}", (await StoredAsync(db)).Json);
    }

    [Fact]
    public async Task AForcedSaveWritesUnchangedState()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        await NotesFlow(db).Send("add one").AssertReply("1 notes").StartTestAsync();
        var before = await StoredAsync(db);

        await NotesFlow(db).Send("touch").AssertReply("1 notes").StartTestAsync();

        var after = await StoredAsync(db);
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal(before.Json, after.Json);
    }

    [Fact]
    public async Task ATurnThatLostARaceIsRefusedAndTheWinnersChangeStays()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var state = NewState(db);
        var notes = state.CreateProperty<List<string>>("Notes");
        var adapter = new TestAdapter(TestAdapter.CreateConversation("race"));
        using var first = new TurnContext(adapter, (Activity)MessageFactory.Text("first"));
        using var second = new TurnContext(adapter, (Activity)MessageFactory.Text("second"));
        first.Activity.ApplyConversationReference(adapter.Conversation);
        second.Activity.ApplyConversationReference(adapter.Conversation);
        (await notes.GetAsync(first, () => [], Ct)).Add("first");
        (await notes.GetAsync(second, () => [], Ct)).Add("second");

        await state.SaveChangesAsync(first, cancellationToken: Ct);
        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveChangesAsync(second, cancellationToken: Ct));

        var stored = (await StoredAsync(db)).Json;
        Assert.Contains("\"first\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"second\"", stored, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each flow builds its own storage and state, as a newly started process would. "add X" adds a note, "clear" clears
    /// the state, "touch" saves with force, anything else only reads; every turn answers with the number of notes.
    /// </summary>
    private static TestFlow NotesFlow(TestDatabase db)
    {
        var state = NewState(db);
        var notes = state.CreateProperty<List<string>>("Notes");
        return new TestFlow(new TestAdapter(TestAdapter.CreateConversation("notes")), async (context, ct) =>
        {
            var text = context.Activity.Text;
            if (text == "clear")
            {
                await state.ClearStateAsync(context, ct);
            }

            // Only an added note creates the list: reading leaves a missing property missing.
            var adding = text.StartsWith("add ", StringComparison.Ordinal);
            var list = await notes.GetAsync(context, adding ? () => [] : null, ct);
            if (adding)
            {
                // A list read back from storage is a copy (BotState converts stored JSON when asked): set it back.
                list.Add(text["add ".Length..]);
                await notes.SetAsync(context, list, ct);
            }

            await context.SendActivityAsync($"{list?.Count ?? 0} notes", cancellationToken: ct);
            await state.SaveChangesAsync(context, force: text == "touch", ct);
        });
    }

    private static Task<StoredState> StoredAsync(TestDatabase db) =>
        db.WithDbAsync(context => context.StoredStates.AsNoTracking().SingleAsync(Ct));

    /// <summary>The state as a newly started process builds it, over the test's database.</summary>
    private static DatabaseConversationState NewState(TestDatabase db) => new(ActivatorUtilities.CreateInstance<DatabaseStorage>(db.Services));
}
