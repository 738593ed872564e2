using CrmBot.Domain.Interactions;
using CrmBot.Domain.Persistence;
using CrmBot.Identity;
using CrmBot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Conversations;

/// <summary>Asking for a person, stopping and restarting messages, and changing one's own email or phone.</summary>
public class CustomerServiceDialogsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task ACustomerAskingForAPersonIsLoggedForTheRepsAndToldWhatHappensNext()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Customer(customer.Id, "张三"))
            .Send("I want to talk to a human about my invoice").AssertReply(reply =>
                Assert.StartsWith("I've passed your request on to our team. A person will contact you at zhang.san@example.com", Text(reply)))
            .StartTestAsync();

        var interaction = Assert.Single(await Interactions(host));
        Assert.Equal(customer.Id, interaction.CustomerId);
        Assert.Null(interaction.RepId);
        Assert.Equal(InteractionKind.Chat, interaction.Kind);
        Assert.Equal("asked for a person", interaction.Outcome);
        Assert.Equal("I want to talk to a human about my invoice", interaction.Notes);
    }

    [Fact]
    public async Task AVisitorAskingForAPersonLeavesAValidContactAndItIsPassedOn()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Caller.Anonymous)
            .Send("talk to a person").AssertReply(reply => Assert.StartsWith("A person from our team can get back to you", Text(reply)))
            .Send("not an email").AssertReply(reply => Assert.Contains("is not a valid", Text(reply), StringComparison.Ordinal))
            .Send("Visitor@Example.com").AssertReply(reply =>
                Assert.StartsWith("Thank you. I've passed your request on to our team: a person will contact you at visitor@example.com", Text(reply)))
            .StartTestAsync();

        var visitor = Assert.Single(await host.Database.WithDbAsync(db => db.Customers.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal("Web visitor", visitor.Name);
        Assert.Equal("visitor@example.com", visitor.Email);
        var interaction = Assert.Single(await Interactions(host));
        Assert.Equal(visitor.Id, interaction.CustomerId);
        Assert.Equal("talk to a person", interaction.Notes);
    }

    [Fact]
    public async Task AVisitorWhoCancelsLeavesNothingBehind()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Caller.Anonymous)
            .Send("talk to a person").AssertReply(reply => Assert.StartsWith("A person from our team", Text(reply)))
            .Send("cancel").AssertReply(_ => { })
            .StartTestAsync();

        Assert.Empty(await host.Database.WithDbAsync(db => db.Customers.AsNoTracking().ToListAsync(Ct)));
        Assert.Empty(await Interactions(host));
    }

    [Fact]
    public async Task InChineseACustomerAskingForAPersonIsAnsweredInChinese()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Customer(customer.Id, "张三"), locale: "zh-CN")
            .Send("人工客服").AssertReply(reply => Assert.StartsWith("已将您的请求转给我们的团队。", Text(reply)))
            .StartTestAsync();

        var interaction = Assert.Single(await Interactions(host));
        Assert.Equal(customer.Id, interaction.CustomerId);
        Assert.Equal("要求人工服务", interaction.Outcome);
        Assert.Equal("人工客服", interaction.Notes);
    }

    [Fact]
    public async Task ACustomerStopsMessagesAfterConfirmingAndStartsThemAgain()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        await host.Database.CustomersAsync(c => c.SetConsentAsync(customer.Id, true, Ct));

        await host.Flow(Caller.Customer(customer.Id, "张三"))
            .Send("stop sending me messages").AssertReply(reply => Assert.StartsWith("Stop all messages from us?", Text(reply)))
            .Send("yes").AssertReply(reply => Assert.StartsWith("Done: we will no longer send you messages.", Text(reply)))
            .StartTestAsync();
        Assert.False(await Consent(host, customer.Id));

        await host.Flow(Caller.Customer(customer.Id, "张三"))
            .Send("start messages again").AssertReply(reply => Assert.StartsWith("Done: we will send you messages again.", Text(reply)))
            .StartTestAsync();
        Assert.True(await Consent(host, customer.Id));
    }

    [Fact]
    public async Task AStrayStopAnsweredNoKeepsTheMessages()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        await host.Database.CustomersAsync(c => c.SetConsentAsync(customer.Id, true, Ct));

        await host.Flow(Caller.Customer(customer.Id, "张三"))
            .Send("stop").AssertReply(reply => Assert.StartsWith("Stop all messages from us?", Text(reply)))
            .Send("no").AssertReply("Okay, nothing has changed.")
            .StartTestAsync();

        Assert.True(await Consent(host, customer.Id));
    }

    [Fact]
    public async Task InChineseACustomerStopsMessages()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        await host.Database.CustomersAsync(c => c.SetConsentAsync(customer.Id, true, Ct));

        await host.Flow(Caller.Customer(customer.Id, "张三"), locale: "zh-CN")
            .Send("不要再给我发消息").AssertReply(reply => Assert.StartsWith("停止接收我们的所有消息吗？", Text(reply)))
            .Send("是的").AssertReply(reply => Assert.StartsWith("已完成：我们将不再给您发送消息。", Text(reply)))
            .StartTestAsync();

        Assert.False(await Consent(host, customer.Id));
    }

    [Fact]
    public async Task AVisitorIsToldThereIsNothingToStopOrStart()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Caller.Anonymous)
            .Send("stop sending me messages").AssertReply(reply => Assert.StartsWith("There is nothing to stop", Text(reply)))
            .Send("start messages again").AssertReply(reply => Assert.StartsWith("To receive messages from us, please sign in", Text(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task ACustomerChangesTheirEmailAfterAnInvalidOneIsRefusedWithTheDomainsMessage()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        await host.Database.CustomersAsync(c => c.SetConsentAsync(customer.Id, true, Ct));

        await host.Flow(Caller.Customer(customer.Id, "张三"))
            .Send("update my email").AssertReply(reply =>
            {
                Assert.StartsWith("Your email is zhang.san@example.com and your phone is +8613800138000. What would you like to change?", Text(reply));
                Assert.Equal(["Email", "Phone"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("email").AssertReply("What's your new email address?")
            .Send("zhang.san@").AssertReply("'zhang.san@' is not a valid email address. Please try again.")
            .Send("Zhang.San@Example.org").AssertReply(reply =>
                Assert.StartsWith("Change your email from zhang.san@example.com to zhang.san@example.org?", Text(reply)))
            .Send("yes").AssertReply("Done: your email is now zhang.san@example.org.")
            .StartTestAsync();

        var saved = await host.Database.CustomersAsync(c => c.GetAsync(customer.Id, Ct));
        Assert.Equal("zhang.san@example.org", saved.Email);
        Assert.Equal("+8613800138000", saved.Phone);
        Assert.Equal("张三", saved.Name);
        Assert.True(saved.ConsentToProactiveMessages);
    }

    [Fact]
    public async Task ACustomerChangesTheirPhone()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Customer(customer.Id, "张三"))
            .Send("change my phone number").AssertReply(reply => Assert.StartsWith("Your email is", Text(reply)))
            .Send("phone").AssertReply("What's your new phone number?")
            .Send("139 0013 9000").AssertReply(reply => Assert.StartsWith("Change your phone from +8613800138000 to +8613900139000?", Text(reply)))
            .Send("yes").AssertReply("Done: your phone is now +8613900139000.")
            .StartTestAsync();

        var saved = await host.Database.CustomersAsync(c => c.GetAsync(customer.Id, Ct));
        Assert.Equal("+8613900139000", saved.Phone);
        Assert.Equal("zhang.san@example.com", saved.Email);
    }

    [Fact]
    public async Task NoKeepsTheOldEmail()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Customer(customer.Id, "张三"))
            .Send("update my email").AssertReply(reply => Assert.StartsWith("Your email is", Text(reply)))
            .Send("email").AssertReply("What's your new email address?")
            .Send("new@example.com").AssertReply(reply => Assert.StartsWith("Change your email from zhang.san@example.com to new@example.com?", Text(reply)))
            .Send("no").AssertReply("Okay, your details stay as they are.")
            .StartTestAsync();

        Assert.Equal("zhang.san@example.com", (await host.Database.CustomersAsync(c => c.GetAsync(customer.Id, Ct))).Email);
    }

    [Fact]
    public async Task AnEmailChangeContinuesAfterTheBotRestartedBetweenTwoTurns()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        var caller = Caller.Customer(customer.Id, "张三");

        await host.Flow(caller)
            .Send("update my email").AssertReply(reply => Assert.StartsWith("Your email is", Text(reply)))
            .Send("email").AssertReply("What's your new email address?")
            .StartTestAsync();
        await host.Flow(caller, restarted: true)
            .Send("bad@address").AssertReply("'bad@address' is not a valid email address. Please try again.")
            .Send("new@example.com").AssertReply(reply => Assert.StartsWith("Change your email from zhang.san@example.com to new@example.com?", Text(reply)))
            .Send("yes").AssertReply("Done: your email is now new@example.com.")
            .StartTestAsync();

        Assert.Equal("new@example.com", (await host.Database.CustomersAsync(c => c.GetAsync(customer.Id, Ct))).Email);
    }

    [Fact]
    public async Task ARepAskingForAPersonIsToldWhatCustomersGetAndNothingIsLogged()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Caller.Rep(TestDatabase.Rep.Id!.Value, "Li Na"))
            .Send("talk to a human").AssertReply(reply => Assert.StartsWith("Customers use this to ask for a person", Text(reply)))
            .StartTestAsync();

        Assert.Empty(await Interactions(host));
    }

    [Fact]
    public async Task AVisitorIsAskedToSignInToUpdateContactDetails()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Caller.Anonymous)
            .Send("update my email").AssertReply(reply => Assert.StartsWith("To change your contact details, please sign in", Text(reply)))
            .StartTestAsync();
    }

    private static string Text(IActivity reply) => reply.AsMessageActivity().Text;

    private static Task<List<Interaction>> Interactions(ConversationTestHost host) =>
        host.Database.WithDbAsync(db => db.Interactions.AsNoTracking().ToListAsync(Ct));

    private static async Task<bool> Consent(ConversationTestHost host, Guid id) =>
        (await host.Database.CustomersAsync(c => c.GetAsync(id, Ct))).ConsentToProactiveMessages;
}
