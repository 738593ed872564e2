using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Identity;
using CrmBot.Tests.Domain;
using CrmBot.Tests.Support;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Conversations;

/// <summary>Placing an order in chat, from picking products to the order number, through real turns and a real database.</summary>
public class PlaceOrderDialogTests
{
    private const string Tea = ShopArrangements.Tea;
    private const string Cup = ShopArrangements.Cup;
    private const string AnythingElse = "Would you like anything else?";
    private const string AskName = "Whose name should the order be under?";
    private const string AskContact = "Thanks, Wang Wu. What email address or mobile number can we reach you at about this order?";

    private static readonly Caller Rep = Caller.Rep(TestDatabase.Rep.Id!.Value, "Li Na");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task AVisitorOrdersTwoProductsAndGetsTheOrderNumberAndHowToPay()
    {
        await using var host = await ShopAsync();

        await host.Flow(Caller.Anonymous)
            .Send("I want to buy 2 longjing tea").AssertReply($"Added 2 × Longjing tea to your order (total so far: 50.00 CNY). {AnythingElse}")
            .Send("yes").AssertReply("What else would you like?\n1. Celadon cup (CUP-CELADON): 40.00 CNY\n2. Longjing tea (TEA-LONGJING): 25.00 CNY")
            .Send("Celadon cup").AssertReply("How many Celadon cup would you like? (40.00 CNY each, 5 in stock)")
            .Send("1").AssertReply($"Added 1 × Celadon cup to your order (total so far: 90.00 CNY). {AnythingElse}")
            .Send("no").AssertReply(AskName)
            .Send("Wang Wu").AssertReply(AskContact)
            .Send("wang.wu@example.com").AssertReply(
                "Please check your order:\n• 2 × Longjing tea (TEA-LONGJING) at 25.00 CNY: 50.00 CNY\n• 1 × Celadon cup (CUP-CELADON) at 40.00 CNY: 40.00 CNY\n"
                + "Total: 90.00 CNY\nFor: Wang Wu, wang.wu@example.com\n\nShall I place this order?")
            .Send("yes").AssertReply(reply => Assert.Matches(@"^Thank you! Your order SO-\d+ is placed\. Total: 90\.00 CNY\.$", reply.AsMessageActivity().Text))
            .AssertReply(reply =>
            {
                Assert.StartsWith("How to pay 90.00 CNY: by Alipay or WeChat Pay", reply.AsMessageActivity().Text);
                Assert.Matches(@"Please quote SO-\d+ as the payment reference", reply.AsMessageActivity().Text);
            })
            .StartTestAsync();

        var order = Assert.Single(await OrdersAsync(host));
        var customer = Assert.Single(await host.Database.WithDbAsync(db => db.Customers.ToListAsync(Ct)));
        Assert.Equal(("Wang Wu", "wang.wu@example.com"), (customer.Name, customer.Email));
        Assert.Equal(customer.Id, order.CustomerId);
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal([(Tea, 2), (Cup, 1)], order.Lines.OrderByDescending(l => l.Sku).Select(l => (l.Sku, l.Quantity)));
        Assert.Equal(ShopArrangements.OrderTotal, order.Total);
        Assert.Equal((8, 4), (await host.Database.StockAsync(Tea, Ct), await host.Database.StockAsync(Cup, Ct)));
        Assert.StartsWith("chat-", order.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSummaryToConfirmAlsoComesAsAnAdaptiveCardWithYesAndNoButtons()
    {
        await using var host = await ShopAsync();
        var customer = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Customer(customer.Id, customer.Name))
            .Send("I want to buy 3 celadon cups").AssertReply($"Added 3 × Celadon cup to your order (total so far: 120.00 CNY). {AnythingElse}")
            .Send("no").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                var card = Assert.Single(message.Attachments);
                Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
                var json = Newtonsoft.Json.Linq.JObject.FromObject(card.Content);
                Assert.Equal(("AdaptiveCard", "1.5"), ((string?)json["type"], (string?)json["version"]));
                Assert.Equal(
                    ["Please check your order:", "• 3 × Celadon cup (CUP-CELADON) at 40.00 CNY: 120.00 CNY", "Total: 120.00 CNY", "For: 张三"],
                    json["body"]!.Select(element => (string?)element["text"]));
                Assert.Equal(2, message.SuggestedActions.Actions.Count);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ASignedInCustomerIsNotAskedWhoTheyAre()
    {
        await using var host = await ShopAsync();
        var customer = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Customer(customer.Id, customer.Name))
            .Send("I want to buy 3 celadon cups").AssertReply($"Added 3 × Celadon cup to your order (total so far: 120.00 CNY). {AnythingElse}")
            .Send("no").AssertReply(
                "Please check your order:\n• 3 × Celadon cup (CUP-CELADON) at 40.00 CNY: 120.00 CNY\nTotal: 120.00 CNY\nFor: 张三\n\nShall I place this order?")
            .Send("yes").AssertReply(reply => Assert.StartsWith("Thank you! Your order SO-", reply.AsMessageActivity().Text))
            .AssertReply(reply => Assert.StartsWith("How to pay 120.00 CNY", reply.AsMessageActivity().Text))
            .StartTestAsync();

        var order = Assert.Single(await OrdersAsync(host));
        Assert.Equal(customer.Id, order.CustomerId);
        Assert.Equal([(Cup, 3)], order.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Equal(1, await host.Database.WithDbAsync(db => db.Customers.CountAsync(Ct)));
        Assert.Equal(2, await host.Database.StockAsync(Cup, Ct));
    }

    [Fact]
    public async Task ARetriedConfirmationTurnPlacesTheOrderOnlyOnce()
    {
        await using var host = await ShopAsync();
        var caller = Caller.Anonymous;
        await ToConfirmation(host.Flow(caller)).StartTestAsync();
        var waiting = await host.Database.WithDbAsync(db => db.StoredStates.AsNoTracking().ToListAsync(Ct));
        string? first = null;
        await host.Flow(caller).Send("yes").AssertReply(reply => first = reply.AsMessageActivity().Text).StartTestAsync();

        // As if the turn had failed after placing the order but before its state was saved: the same "yes" comes again.
        await host.Database.WithDbAsync(async db =>
        {
            foreach (var saved in waiting)
            {
                var row = await db.StoredStates.SingleAsync(s => s.Key == saved.Key, Ct);
                (row.Json, row.ETag) = (saved.Json, saved.ETag);
            }

            await db.SaveChangesAsync(Ct);
        });
        await host.Flow(caller).Send("yes").AssertReply(reply => Assert.Equal(first, reply.AsMessageActivity().Text)).StartTestAsync();

        Assert.Single(await OrdersAsync(host));
        Assert.Equal(1, await host.Database.WithDbAsync(db => db.Customers.CountAsync(Ct)));
        Assert.Equal(8, await host.Database.StockAsync(Tea, Ct));
    }

    [Fact]
    public async Task AnInvalidEmailIsExplainedAndAskedForAgain()
    {
        await using var host = await ShopAsync();

        await ToContact(host.Flow(Caller.Anonymous))
            .Send("wang.wu@").AssertReply("'wang.wu@' is not a valid email address. Please type an email address (like name@example.com) or a mobile number.")
            .Send("12").AssertReply("'12' is not a valid phone number. Please type an email address (like name@example.com) or a mobile number.")
            .Send("138 0013 8000").AssertReply(reply => Assert.Contains("For: Wang Wu, 138 0013 8000", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(0, await host.Database.WithDbAsync(db => db.Customers.CountAsync(Ct)));
    }

    [Fact]
    public async Task AQuantityAboveTheStockIsAskedForAgain()
    {
        await using var host = await ShopAsync();

        await host.Flow(Caller.Anonymous)
            .Send("new order").AssertReply(reply =>
            {
                Assert.Equal("Which product would you like?\n1. Celadon cup (CUP-CELADON): 40.00 CNY\n2. Longjing tea (TEA-LONGJING): 25.00 CNY", reply.AsMessageActivity().Text);
                Assert.Equal(["Celadon cup", "Longjing tea"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("1").AssertReply("How many Celadon cup would you like? (40.00 CNY each, 5 in stock)")
            .Send("9").AssertReply("Please type a number from 1 to 5.")
            .Send("5").AssertReply($"Added 5 × Celadon cup to your order (total so far: 200.00 CNY). {AnythingElse}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("new order")]
    [InlineData("I'd like to place an order")]
    [InlineData("start a new order please")]
    public async Task AskingToOrderAsksWhichProductEvenWhenAProductNameSharesAWord(string request)
    {
        await using var host = await ShopAsync();
        await host.Database.AddProductAsync("GIFT-NEWYEAR", 88m, 3, Ct, name: "New Year gift box");
        await host.Database.AddProductAsync("TEA-START", 30m, 3, Ct, name: "Starter tea set");

        await host.Flow(Caller.Anonymous)
            .Send(request).AssertReply(reply => Assert.StartsWith("Which product would you like?\n1.", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task AskingForMoreThanTheStockInTheFirstSentenceSaysHowManyAreLeft()
    {
        await using var host = await ShopAsync();

        await host.Flow(Caller.Anonymous)
            .Send("I want to buy 9 celadon cups").AssertReply("We only have 5 of Celadon cup left.")
            .AssertReply("How many Celadon cup would you like? (40.00 CNY each, 5 in stock)")
            .StartTestAsync();
    }

    [Fact]
    public async Task NoAtTheConfirmationCreatesNothing()
    {
        await using var host = await ShopAsync();

        await ToConfirmation(host.Flow(Caller.Anonymous))
            .Send("no").AssertReply("Okay, I haven't placed the order. Nothing was ordered.")
            .StartTestAsync();

        await AssertNothingWrittenAsync(host);
    }

    [Fact]
    public async Task StockGoneBeforeTheConfirmationIsExplainedAndNothingIsWritten()
    {
        await using var host = await ShopAsync();
        var flow = ToConfirmation(host.Flow(Caller.Anonymous));
        await flow.StartTestAsync();
        await host.Database.WithDbAsync(async db =>
        {
            (await db.Products.SingleAsync(p => p.Sku == Tea, Ct)).SetStock(1);
            await db.SaveChangesAsync(Ct);
        });

        await host.Flow(Caller.Anonymous)
            .Send("yes").AssertReply("Sorry, I couldn't place the order: Only 1 of Longjing tea (TEA-LONGJING) left in stock; 2 were asked for. Nothing was ordered.")
            .StartTestAsync();

        Assert.Equal(0, await host.Database.OrderCountAsync(Ct));
        Assert.Equal(0, await host.Database.WithDbAsync(db => db.Customers.CountAsync(Ct)));
        Assert.Equal(1, await host.Database.StockAsync(Tea, Ct));
    }

    [Fact]
    public async Task HelpInTheMiddleExplainsTheQuestionAndAsksItAgain()
    {
        await using var host = await ShopAsync();

        await host.Flow(Caller.Anonymous)
            .Send("I want to buy celadon cups").AssertReply("How many Celadon cup would you like? (40.00 CNY each, 5 in stock)")
            .Send("help").AssertReply("Type how many you want, from 1 to 5 (what we have in stock).")
            .AssertReply("How many Celadon cup would you like? (40.00 CNY each, 5 in stock)")
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelInTheMiddleStopsAndCreatesNothing()
    {
        await using var host = await ShopAsync();

        await ToContact(host.Flow(Caller.Anonymous))
            .Send("cancel").AssertReply("Okay, I've cancelled that. Write to me whenever you'd like to do something else.")
            .StartTestAsync();

        await AssertNothingWrittenAsync(host);
    }

    [Fact]
    public async Task AChineseVisitorOrdersInChinese()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddProductAsync("CUP-BLUE", 429.5m, 5, Ct, name: "蓝色杯子");

        await host.Flow(Caller.Anonymous, locale: "zh-CN")
            .Send("我想买三个蓝色杯子").AssertReply("已将 3 × 蓝色杯子 加入订单（目前合计：¥1,288.50）。还需要别的吗？")
            .Send("不").AssertReply("订单收货人姓名是？")
            .Send("王五").AssertReply("谢谢，王五。关于这个订单，我们可以通过哪个邮箱或手机号联系您？")
            .Send("wang.wu@").AssertReply("这不是有效的邮箱地址。请输入邮箱（如 name@example.com）或手机号。")
            .Send("13800138000").AssertReply("请核对您的订单：\n• 3 × 蓝色杯子（CUP-BLUE），单价 ¥429.50：¥1,288.50\n合计：¥1,288.50\n收货人：王五，13800138000\n\n确认下单吗？")
            .Send("是").AssertReply(reply => Assert.Matches(@"^谢谢！您的订单 SO-\d+ 已提交。合计：¥1,288\.50。$", reply.AsMessageActivity().Text))
            .AssertReply(reply => Assert.Matches(@"^付款方式（¥1,288\.50）：支付宝或微信支付.*备注订单号 SO-\d+", reply.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Equal(1, await host.Database.OrderCountAsync(Ct));
        Assert.Equal(2, await host.Database.StockAsync("CUP-BLUE", Ct));
    }

    [Fact]
    public async Task ARepPlacesAnOrderForAnExistingCustomerFoundByName()
    {
        await using var host = await ShopAsync();
        var zhang = await host.Database.AddCustomerAsync(Ct);
        await host.Database.AddCustomerAsync("Alice Wang", "alice.wang@example.com", null, Ct);

        await host.Flow(Rep)
            .Send("new order for 张三").AssertReply("Which product would you like?\n1. Celadon cup (CUP-CELADON): 40.00 CNY\n2. Longjing tea (TEA-LONGJING): 25.00 CNY")
            .Send("Longjing tea").AssertReply("How many Longjing tea would you like? (25.00 CNY each, 10 in stock)")
            .Send("2").AssertReply($"Added 2 × Longjing tea to your order (total so far: 50.00 CNY). {AnythingElse}")
            .Send("no").AssertReply(
                "Please check your order:\n• 2 × Longjing tea (TEA-LONGJING) at 25.00 CNY: 50.00 CNY\nTotal: 50.00 CNY\nFor: 张三, zhang.san@example.com\n\nShall I place this order?")
            .Send("yes").AssertReply(reply => Assert.Matches(
                @"^Order SO-\d+ is placed for 张三\. Total: 50\.00 CNY\. You can forward the payment instructions below to the customer\.$", reply.AsMessageActivity().Text))
            .AssertReply(reply => Assert.StartsWith("How to pay 50.00 CNY", reply.AsMessageActivity().Text))
            .StartTestAsync();

        var order = Assert.Single(await OrdersAsync(host));
        Assert.Equal(zhang.Id, order.CustomerId);
        Assert.Equal([(Tea, 2)], order.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Equal(2, await host.Database.WithDbAsync(db => db.Customers.CountAsync(Ct)));
        Assert.All((await host.Database.ReloadAsync(order.Number, Ct)).History, change => Assert.Equal((TestDatabase.Rep.ToString(), TestDatabase.Rep.Id), (change.Actor, change.ActorId)));
        Assert.StartsWith("chat-", order.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepPicksAmongSeveralMatchingCustomersWhoStaysTheBuyerForMoreProducts()
    {
        await using var host = await ShopAsync();
        await host.Database.AddCustomerAsync("张伟", "zhang.wei@example.com", null, Ct);
        var other = await host.Database.AddCustomerAsync("张伟", null, "139 0013 9000", Ct);

        await host.Flow(Rep)
            .Send("new order for 张伟").AssertReply(reply =>
            {
                Assert.Equal("I found 2 customers. Which one do you mean?", reply.AsMessageActivity().Text);
                Assert.Equal(
                    ["张伟 (+8613900139000)", "张伟 (zhang.wei@example.com)"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title).Order(StringComparer.Ordinal));
            })
            .Send("张伟 (+8613900139000)").AssertReply(reply => Assert.StartsWith("Which product would you like?", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("Celadon cup").AssertReply("How many Celadon cup would you like? (40.00 CNY each, 5 in stock)")
            .Send("1").AssertReply($"Added 1 × Celadon cup to your order (total so far: 40.00 CNY). {AnythingElse}")
            .Send("yes").AssertReply(reply => Assert.StartsWith("What else would you like?", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("Longjing tea").AssertReply("How many Longjing tea would you like? (25.00 CNY each, 10 in stock)")
            .Send("2").AssertReply($"Added 2 × Longjing tea to your order (total so far: 90.00 CNY). {AnythingElse}")
            .Send("no").AssertReply(reply => Assert.Contains("Total: 90.00 CNY\nFor: 张伟, +8613900139000\n\nShall I place this order?", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("yes").AssertReply(reply => Assert.Matches(@"^Order SO-\d+ is placed for 张伟\. Total: 90\.00 CNY\.", reply.AsMessageActivity().Text))
            .AssertReply(reply => Assert.StartsWith("How to pay 90.00 CNY", reply.AsMessageActivity().Text))
            .StartTestAsync();

        var order = Assert.Single(await OrdersAsync(host));
        Assert.Equal(other.Id, order.CustomerId);
        Assert.Equal(2, await host.Database.WithDbAsync(db => db.Customers.CountAsync(Ct)));
        Assert.All((await host.Database.ReloadAsync(order.Number, Ct)).History, change => Assert.Equal(TestDatabase.Rep.Id, change.ActorId));
    }

    [Fact]
    public async Task TheCustomerARepPickedSurvivesABotRestart()
    {
        await using var host = await ShopAsync();
        var zhang = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Rep)
            .Send("new order for 张三").AssertReply(reply => Assert.StartsWith("Which product would you like?", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("Celadon cup").AssertReply("How many Celadon cup would you like? (40.00 CNY each, 5 in stock)")
            .Send("1").AssertReply($"Added 1 × Celadon cup to your order (total so far: 40.00 CNY). {AnythingElse}")
            .StartTestAsync();
        await host.Flow(Rep, restarted: true)
            .Send("yes").AssertReply(reply => Assert.StartsWith("What else would you like?", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
        await host.Flow(Rep, restarted: true)
            .Send("Longjing tea").AssertReply("How many Longjing tea would you like? (25.00 CNY each, 10 in stock)")
            .Send("1").AssertReply($"Added 1 × Longjing tea to your order (total so far: 65.00 CNY). {AnythingElse}")
            .Send("no").AssertReply(reply => Assert.Contains("For: 张三, zhang.san@example.com", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
        await host.Flow(Rep, restarted: true)
            .Send("yes").AssertReply(reply => Assert.StartsWith("Order SO-", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .AssertReply(reply => Assert.StartsWith("How to pay 65.00 CNY", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(zhang.Id, Assert.Single(await OrdersAsync(host)).CustomerId);
        Assert.Equal(1, await host.Database.WithDbAsync(db => db.Customers.CountAsync(Ct)));
    }

    [Fact]
    public async Task ARepOrderingForNoKnownCustomerIsToldSoAndNothingIsCreated()
    {
        await using var host = await ShopAsync();
        await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Rep)
            .Send("place an order for nobody@example.com").AssertReply("I couldn't find a customer matching \"nobody@example.com\".")
            .AssertReply("Without an existing customer to order for, I haven't started the order. Nothing was ordered.")
            .StartTestAsync();

        Assert.Equal(0, await host.Database.OrderCountAsync(Ct));
        Assert.Equal(1, await host.Database.WithDbAsync(db => db.Customers.CountAsync(Ct)));
    }

    [Fact]
    public async Task ARepWhoNamesNoCustomerIsAskedForOneAndNeverForANameAndContact()
    {
        await using var host = await ShopAsync();
        var zhang = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Rep)
            .Send("I want to buy 2 longjing tea").AssertReply("Who are you looking for? Type a name, email, phone number or order number.")
            .Send("138 0013 8000").AssertReply($"Added 2 × Longjing tea to your order (total so far: 50.00 CNY). {AnythingElse}")
            .Send("no").AssertReply(reply => Assert.Contains("For: 张三, zhang.san@example.com", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("yes").AssertReply(reply => Assert.StartsWith("Order SO-", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .AssertReply(reply => Assert.StartsWith("How to pay 50.00 CNY", reply.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Equal(zhang.Id, Assert.Single(await OrdersAsync(host)).CustomerId);
        Assert.Equal(1, await host.Database.WithDbAsync(db => db.Customers.CountAsync(Ct)));
    }

    [Fact]
    public async Task AChineseRepPlacesAnOrderForACustomerInChinese()
    {
        await using var host = await ShopAsync();
        var zhang = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Rep, locale: "zh-CN")
            .Send("给张三下单").AssertReply(reply => Assert.StartsWith("您想买哪件商品？", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("2").AssertReply(reply => Assert.Contains("Longjing tea", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("1").AssertReply(reply => Assert.Contains("还需要别的吗？", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("不").AssertReply(reply => Assert.Contains("收货人：张三，zhang.san@example.com", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("是").AssertReply(reply => Assert.Matches(@"^已为张三提交订单 SO-\d+。合计：¥25\.00。您可以将下面的付款方式转发给客户。$", reply.AsMessageActivity().Text))
            .AssertReply(reply => Assert.StartsWith("付款方式（¥25.00）", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(zhang.Id, Assert.Single(await OrdersAsync(host)).CustomerId);
    }

    private async Task<ConversationTestHost> ShopAsync()
    {
        var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddProductAsync(Tea, 25m, 10, Ct, name: "Longjing tea");
        await host.Database.AddProductAsync(Cup, 40m, 5, Ct, name: "Celadon cup");
        return host;
    }

    private static TestFlow ToContact(TestFlow flow) => flow
        .Send("I want to buy 2 longjing tea").AssertReply($"Added 2 × Longjing tea to your order (total so far: 50.00 CNY). {AnythingElse}")
        .Send("no").AssertReply(AskName)
        .Send("Wang Wu").AssertReply(AskContact);

    private static TestFlow ToConfirmation(TestFlow flow) => ToContact(flow)
        .Send("wang.wu@example.com").AssertReply(reply => Assert.EndsWith("Shall I place this order?", reply.AsMessageActivity().Text, StringComparison.Ordinal));

    private static Task<List<Order>> OrdersAsync(ConversationTestHost host) =>
        host.Database.WithDbAsync(db => db.Orders.Include(o => o.Lines).ToListAsync(Ct));

    private static async Task AssertNothingWrittenAsync(ConversationTestHost host)
    {
        Assert.Equal(0, await host.Database.OrderCountAsync(Ct));
        Assert.Equal(0, await host.Database.WithDbAsync(db => db.Customers.CountAsync(Ct)));
        Assert.Equal((10, 5), (await host.Database.StockAsync(Tea, Ct), await host.Database.StockAsync(Cup, Ct)));
    }
}
