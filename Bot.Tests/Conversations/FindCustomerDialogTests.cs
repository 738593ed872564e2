using CrmBot.Conversations.Cards;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Insights;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Identity;
using CrmBot.Tests.Domain;
using CrmBot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace CrmBot.Tests.Conversations;

/// <summary>"Find customer ...": a rep searches, picks among several matches and sees the profile as text and as an adaptive card.</summary>
public class FindCustomerDialogTests
{
    private const string Cancelled = "Okay, I've cancelled that. Write to me whenever you'd like to do something else.";

    private static readonly Caller Rep = Caller.Rep(TestDatabase.Rep.Id!.Value, "Li Na");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task ARepFindsACustomerByEmailAndSeesContactsLifetimeValueAndOrders()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var delivered = await host.Database.DeliveredOrderAsync(Ct);
        await host.Database.OrdersAsync(o => o.RefundAsync(delivered.Number, new Money(20m, "CNY"), "chipped cup", TestDatabase.Rep, ct: Ct));
        var open = await host.Database.PlaceAsync(delivered.CustomerId, Ct, new OrderLineRequest(ShopArrangements.Tea, 1));

        await host.Flow(Rep)
            .Send("find customer zhang.san@example.com").AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.StartsWith("张三\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
                Assert.Contains("Email: zhang.san@example.com", text, StringComparison.Ordinal);
                Assert.Contains("Phone: +8613800138000", text, StringComparison.Ordinal);
                Assert.Contains("Lifetime value: 70.00 CNY", text, StringComparison.Ordinal);
                Assert.Contains($"Open orders:\n- {open.Number}: placed", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
                Assert.Contains($"- {delivered.Number}: ", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task TheProfileShowsTheTagsWorkflowsGaveTheCustomer()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.DeliveredOrderAsync(Ct);
        await host.Database.WithDbAsync(async db =>
        {
            db.CustomerTags.AddRange(new CustomerTag(order.CustomerId, "VIP", TestDatabase.Start), new CustomerTag(order.CustomerId, "big-spender", TestDatabase.Start));
            return await db.SaveChangesAsync(Ct);
        });

        await host.Flow(Rep)
            .Send("find customer zhang.san@example.com")
            .AssertReply(reply => Assert.Contains("Tags: big-spender, vip", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task OnceScoresExistTheProfileSaysHowLikelyTheCustomerIsToOrderAndWhy()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.DeliveredOrderAsync(Ct);
        // A test shop is far too small to train on: the RFM baseline is kept, and says so.
        var model = await host.Database.Services.GetRequiredService<PurchaseModelService>().TrainAsync(ct: Ct);

        await host.Flow(Rep)
            .Send("find customer zhang.san@example.com").AssertReply(reply =>
            {
                var lines = reply.AsMessageActivity().Text.ReplaceLineEndings("\n").Split('\n');
                Assert.Matches(@"^Purchase likelihood \(RFM estimate, no model trained yet\): \d{1,3}/100 that they order within 30 days\.$", lines.Single(l => l.StartsWith("Purchase likelihood", StringComparison.Ordinal)));
            })
            .StartTestAsync();
        Assert.True(model.IsBaseline);
        Assert.Contains("Too little history", model.TooLittleHistory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreGivesJustTheCustomersPurchaseScoreOnceThereIsOne()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.DeliveredOrderAsync(Ct);

        await host.Flow(Rep)
            .Send("score zhang.san@example.com")
            .AssertReply("张三 has no purchase score yet: the purchase model is still being trained. Try again in a few minutes.")
            .StartTestAsync();
        await host.Database.Services.GetRequiredService<PurchaseModelService>().TrainAsync(ct: Ct);
        await host.Flow(Rep)
            .Send("score zhang.san@example.com")
            .AssertReply(reply => Assert.Matches(
                @"^张三: Purchase likelihood \(RFM estimate, no model trained yet\): \d{1,3}/100 that they order within 30 days\.",
                reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task WhoToCallTodayComesFromTheTeamsCallPlan()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.DeliveredOrderAsync(Ct);

        await host.Flow(Rep).Send("who should I call today?").AssertReply("No call plan yet: the purchase model is still being trained.").StartTestAsync();
        // Too little history for a model: the RFM baseline, which has nothing to go on, finds no call worth making.
        await host.Database.Services.GetRequiredService<PurchaseModelService>().TrainAsync(ct: Ct);
        await host.Flow(Rep).Send("who should I call today?").AssertReply("No calls planned for you today.").StartTestAsync();
        await host.Flow(Caller.Anonymous).Send("who should I call today?")
            .AssertReply(reply => Assert.StartsWith("Sorry, that is something only our sales team can do.", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task TheProfileCardIsAnAdaptiveCardWithTheNameContactsAndOrders()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PaidOrderAsync(Ct);

        await host.Flow(Rep)
            .Send("look up 138 0013 8000").AssertReply(reply =>
            {
                var attachment = Assert.Single(reply.AsMessageActivity().Attachments);
                Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
                var card = Assert.IsType<JObject>(attachment.Content);
                Assert.Equal("AdaptiveCard", (string?)card["type"]);
                Assert.Equal("1.5", (string?)card["version"]);
                var body = (JArray)card["body"]!;
                Assert.Equal(["TextBlock", "FactSet", "TextBlock", "FactSet", "TextBlock", "FactSet"], body.Select(element => (string?)element["type"]));
                Assert.Equal("张三", (string?)body[0]["text"]);
                Assert.Equal(
                    ["Email: zhang.san@example.com", "Phone: +8613800138000", "Lifetime value: 90.00 CNY"],
                    body[1]["facts"]!.Select(fact => $"{fact["title"]}: {fact["value"]}"));
                Assert.Equal(order.Number, (string?)body[3]["facts"]![0]!["title"]);
            })
            .StartTestAsync();
    }

    [Fact]
    public void TheCardSerialisesToTheAdaptiveCardSchema()
    {
        var card = new AdaptiveCard([new TextBlock("张三") { Size = "large" }, new FactSet([new CrmBot.Conversations.Cards.Fact("Email", "a@example.com")])]);

        var json = card.ToJson();

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{"type":"TextBlock","text":"张三","size":"large","wrap":true},{"type":"FactSet","facts":[{"title":"Email","value":"a@example.com"}]}]}""",
            json);
    }

    [Fact]
    public async Task SeveralMatchesArePickedFromAChoiceOfNamesWithTheirContact()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddCustomerAsync("Alice Wang", "alice.wang@example.com", null, Ct);
        await host.Database.AddCustomerAsync("Alice Li", "alice.li@example.com", null, Ct);

        await host.Flow(Rep)
            .Send("find customer Alice").AssertReply(reply =>
            {
                Assert.Equal("I found 2 customers. Which one do you mean?", reply.AsMessageActivity().Text);
                Assert.Equal(
                    ["Alice Li (alice.li@example.com)", "Alice Wang (alice.wang@example.com)"],
                    reply.AsMessageActivity().SuggestedActions.Actions.Select(action => action.Title));
            })
            .Send("2").AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.StartsWith("Alice Wang", text, StringComparison.Ordinal);
                Assert.Contains("Lifetime value: nothing yet", text, StringComparison.Ordinal);
                Assert.Contains("Open orders: none", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ThePickWorksAfterTheBotRestarts()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddCustomerAsync("Alice Wang", "alice.wang@example.com", null, Ct);
        await host.Database.AddCustomerAsync("Alice Li", "alice.li@example.com", null, Ct);

        await host.Flow(Rep).Send("find customer Alice").AssertReply("I found 2 customers. Which one do you mean?").StartTestAsync();
        await host.Flow(Rep, restarted: true)
            .Send("Alice Wang (alice.wang@example.com)").AssertReply(reply => Assert.StartsWith("Alice Wang", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task NoMatchIsSaidPlainly()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Rep)
            .Send("find customer nobody@example.com").AssertReply("I couldn't find a customer matching \"nobody@example.com\".")
            .StartTestAsync();
    }

    [Fact]
    public async Task WithoutAQueryTheRepIsAskedWhomToLookFor()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Rep)
            .Send("find customer").AssertReply("Who are you looking for? Type a name, email, phone number or order number.")
            .Send("13800138000").AssertReply(reply => Assert.StartsWith("张三", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task AChineseRepIsAnsweredInChinese()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.PaidOrderAsync(Ct);

        await host.Flow(Rep, locale: "zh-CN")
            .Send("帮我查一下客户张三").AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.StartsWith("张三", text, StringComparison.Ordinal);
                Assert.Contains("累计消费：¥90.00", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    /// <summary>A customer in Beijing, written in Chinese, and one in New York.</summary>
    private static readonly Dictionary<string, CustomerProfile> Addressed = new()
    {
        ["wang.fang@example.com"] = new("王芳", "wang.fang@example.com", null, new PostalAddress("朝阳区人民路1号", "北京", "北京市", "100020", "CN")),
        ["megan@example.com"] = new("Megan Bowen", "megan@example.com", null, new PostalAddress("350 Fifth Avenue", "New York", "NY", "10118", "US")),
    };

    [Theory]
    [InlineData("wang.fang@example.com", "zh-CN", "累计消费：¥1,288.00", "地址：北京市朝阳区人民路1号，100020")]
    [InlineData("wang.fang@example.com", "en-US", "Lifetime value: 1,288.00 CNY", "Address: 北京市朝阳区人民路1号，100020, China")]
    [InlineData("megan@example.com", "en-US", "Lifetime value: 1,288.00 CNY", "Address: 350 Fifth Avenue, New York, NY 10118, United States")]
    [InlineData("megan@example.com", "zh-CN", "累计消费：¥1,288.00", "地址：350 Fifth Avenue, New York, NY 10118, United States")]
    public async Task TheProfileShowsMoneyAsTheRepsLanguageWritesItAndTheAddressAsWrittenWhereItIs(string email, string locale, string lifetimeValue, string address)
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await PaidTeapotAsync(host, Addressed[email]);

        await host.Flow(Rep, locale: locale)
            .Send($"find customer {email}").AssertReply(reply =>
            {
                var lines = reply.AsMessageActivity().Text.ReplaceLineEndings("\n").Split('\n');
                Assert.Contains(lifetimeValue, lines);
                Assert.Contains(address, lines);
            })
            .StartTestAsync();
    }

    /// <summary>The customer with one paid order for a 1,288.00 CNY teapot.</summary>
    private static async Task PaidTeapotAsync(ConversationTestHost host, CustomerProfile profile)
    {
        await host.Database.AddProductAsync("TEAPOT-ZISHA", 1288m, 5, Ct, name: "Zisha teapot");
        var customer = await host.Database.CustomersAsync(customers => customers.CreateAsync(profile, Ct));
        var order = await host.Database.PlaceAsync(customer.Id, Ct, new OrderLineRequest("TEAPOT-ZISHA", 1));
        await host.Database.OrdersAsync(o => o.PayAsync(order.Number, order.Total, "alipay", null, TestDatabase.Rep, ct: Ct));
    }

    [Fact]
    public async Task CancelWhileAskedWhomToFindStops()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Rep)
            .Send("find customer").AssertReply("Who are you looking for? Type a name, email, phone number or order number.")
            .Send("cancel").AssertReply(Cancelled)
            .StartTestAsync();
    }

    [Fact]
    public async Task ACustomerAskingForAnotherCustomerIsPolitelyRefused()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var zhang = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Customer(zhang.Id, "张三"))
            .Send("find customer alice@example.com")
            .AssertReply(reply =>
            {
                Assert.StartsWith(RepArrangements.Refusal, reply.AsMessageActivity().Text, StringComparison.Ordinal);
                Assert.Empty(reply.AsMessageActivity().Attachments ?? []);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task AnAnonymousVisitorIsPolitelyRefused()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Anonymous)
            .Send("look up 138 0013 8000")
            .AssertReply(reply => Assert.StartsWith(RepArrangements.Refusal, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }
}
