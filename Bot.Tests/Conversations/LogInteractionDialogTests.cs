using CrmBot.Domain.Interactions;
using CrmBot.Domain.Persistence;
using CrmBot.Identity;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Conversations;

/// <summary>"Log a call with Alice": the rep picks the customer, the kind, the outcome and notes; stored with the rep's id.</summary>
public class LogInteractionDialogTests
{
    private const string Cancelled = "Okay, I've cancelled that. Write to me whenever you'd like to do something else.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task ARepLogsACallWithItsOutcomeAndNotes()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var alice = await host.Database.AddCustomerAsync("Alice Wang", "alice.wang@example.com", null, Ct);

        await host.Flow(rep.AsCaller())
            .Send("log a call with Alice").AssertReply(reply =>
            {
                Assert.Equal("What kind of contact did you have with Alice Wang?", reply.AsMessageActivity().Text);
                Assert.Equal(["Call", "Chat", "Email", "Note"], reply.AsMessageActivity().SuggestedActions.Actions.Select(action => action.Title));
            })
            .Send("call").AssertReply("How did it go, in a few words?")
            .Send("reached").AssertReply("Any notes to keep? Type \"none\" to skip.")
            .Send("wants a quote for 20 cups").AssertReply("Logged: Call with Alice Wang, reached.")
            .StartTestAsync();

        var interaction = Assert.Single(await host.Database.WithDbAsync(db => db.Interactions.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal(alice.Id, interaction.CustomerId);
        Assert.Equal(rep.Id, interaction.RepId);
        Assert.Equal(InteractionKind.Call, interaction.Kind);
        Assert.Equal("reached", interaction.Outcome);
        Assert.Equal("wants a quote for 20 cups", interaction.Notes);
        Assert.Equal(host.Database.Clock.GetUtcNow(), interaction.OccurredAt);
    }

    [Fact]
    public async Task NoneLeavesTheNotesEmpty()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        await host.Database.AddCustomerAsync("Alice Wang", "alice.wang@example.com", null, Ct);

        await host.Flow(rep.AsCaller())
            .Send("log a note").AssertReply("Who are you looking for? Type a name, email, phone number or order number.")
            .Send("alice.wang@example.com").AssertReply("What kind of contact did you have with Alice Wang?")
            .Send("note").AssertReply("How did it go, in a few words?")
            .Send("sent samples").AssertReply("Any notes to keep? Type \"none\" to skip.")
            .Send("none").AssertReply("Logged: Note with Alice Wang, sent samples.")
            .StartTestAsync();

        var interaction = Assert.Single(await host.Database.WithDbAsync(db => db.Interactions.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal(InteractionKind.Note, interaction.Kind);
        Assert.Null(interaction.Notes);
    }

    [Fact]
    public async Task CancelMidwaySavesNothing()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        await host.Database.AddCustomerAsync("Alice Wang", "alice.wang@example.com", null, Ct);

        await host.Flow(rep.AsCaller())
            .Send("log a call with Alice").AssertReply("What kind of contact did you have with Alice Wang?")
            .Send("call").AssertReply("How did it go, in a few words?")
            .Send("cancel").AssertReply(Cancelled)
            .StartTestAsync();

        Assert.Empty(await host.Database.WithDbAsync(db => db.Interactions.AsNoTracking().ToListAsync(Ct)));
    }

    [Fact]
    public async Task ACustomerCannotLogInteractions()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Customer(customer.Id, "张三"))
            .Send("log a call with Alice").AssertReply(reply => Assert.StartsWith(RepArrangements.Refusal, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }
}
