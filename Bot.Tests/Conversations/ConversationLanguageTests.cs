using CrmBot.Identity;
using CrmBot.Tests.Domain;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Conversations;

/// <summary>
/// The language a conversation is in: what decides it (a choice the user made, a signed-in customer's preference, the
/// activity's locale, the default) and switching it with "English please" or "说中文", through real turns.
/// </summary>
public class ConversationLanguageTests
{
    private const string Tea = ShopArrangements.Tea;
    private const string EnglishMenu = "Here is what I can do for you:";
    private const string ChineseMenu = "我可以帮您：";
    private const string ToEnglish = "Okay, I'll speak English with you from now on.";
    private const string ToChinese = "好的，接下来我用中文和您交流。";
    private const string AnythingElse = "Added 2 × Longjing tea to your order (total so far: 50.00 CNY). Would you like anything else?";
    private const string AnythingElseInChinese = "已将 2 × Longjing tea 加入订单（目前合计：¥50.00）。还需要别的吗？";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignedInCustomersPreferredLanguageBeatsTheActivityLocale()
    {
        await using var host = await ConversationTestHost.CreateAsync(Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Customer(customer.Id, customer.Name, language: "zh-CN"), locale: "en-US")
            .Send("hi").AssertReply(reply => Assert.StartsWith(ChineseMenu, reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task TheActivityLocaleBeatsTheDefaultLanguage()
    {
        await using var host = await ConversationTestHost.CreateAsync(Ct);

        await host.Flow(Caller.Anonymous, locale: "zh-CN")
            .Send("hi").AssertReply(reply => Assert.StartsWith(ChineseMenu, reply.AsMessageActivity().Text))
            .StartTestAsync();
        await host.Flow(Caller.Anonymous, locale: "", conversationId: "conversation-2", userId: "User2")
            .Send("hi").AssertReply(reply => Assert.StartsWith(EnglishMenu, reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task ALanguageTheUserAskedForBeatsTheirPreferenceAndTheLocaleInThisAndTheirNextConversation()
    {
        await using var host = await ConversationTestHost.CreateAsync(Ct);
        var rep = Caller.Rep(TestDatabase.Rep.Id!.Value, "Li Na");

        await host.Flow(rep, locale: "zh-CN")
            .Send("hi").AssertReply(reply => Assert.StartsWith(ChineseMenu, reply.AsMessageActivity().Text))
            .Send("English please").AssertReply(ToEnglish)
            .Send("hi").AssertReply(reply => Assert.StartsWith(EnglishMenu, reply.AsMessageActivity().Text))
            .StartTestAsync();

        // The rep's next conversation (another chat in Teams): their user state remembers it.
        await host.Flow(rep, locale: "zh-CN", conversationId: "conversation-2")
            .Send("hi").AssertReply(reply => Assert.StartsWith(EnglishMenu, reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task SwitchingInTheMiddleOfAnOrderAsksTheQuestionAgainInTheNewLanguageAndKeepsTheCart()
    {
        await using var host = await ShopAsync();

        await host.Flow(Caller.Anonymous)
            .Send("I want to buy 2 longjing tea").AssertReply(AnythingElse)
            .Send("说中文").AssertReply(ToChinese).AssertReply(AnythingElseInChinese)
            .Send("不用").AssertReply("订单收货人姓名是？")
            .Send("English please").AssertReply(ToEnglish).AssertReply("Whose name should the order be under?")
            .Send("Wang Wu").AssertReply(reply => Assert.StartsWith("Thanks, Wang Wu.", reply.AsMessageActivity().Text))
            .Send("wang.wu@example.com").AssertReply(reply => Assert.EndsWith("Shall I place this order?", reply.AsMessageActivity().Text))
            .Send("请说中文").AssertReply(ToChinese).AssertReply(
                "请核对您的订单：\n• 2 × Longjing tea（TEA-LONGJING），单价 ¥25.00：¥50.00\n合计：¥50.00\n收货人：Wang Wu，wang.wu@example.com\n\n确认下单吗？")
            .Send("是").AssertReply(reply => Assert.StartsWith("谢谢", reply.AsMessageActivity().Text))
            .StartTestAsync();

        var order = Assert.Single(await host.Database.WithDbAsync(db => db.Orders.Include(o => o.Lines).ToListAsync(Ct)));
        Assert.Equal([(Tea, 2)], order.Lines.Select(l => (l.Sku, l.Quantity)));
        var customer = await host.Database.WithDbAsync(db => db.Customers.SingleAsync(c => c.Id == order.CustomerId, Ct));
        Assert.Equal("zh-CN", customer.PreferredLanguage);
    }

    [Fact]
    public async Task ASignedInCustomersSwitchIsSavedOnTheirRecordAndStartsTheirNextConversation()
    {
        await using var host = await ConversationTestHost.CreateAsync(Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Customer(customer.Id, customer.Name, language: customer.PreferredLanguage))
            .Send("说中文").AssertReply(ToChinese)
            .StartTestAsync();

        var saved = await host.Database.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id, Ct));
        Assert.Equal("zh-CN", saved.PreferredLanguage);

        // Another device: another user id, so only the record (as the channel reads it with the caller) carries the choice.
        await host.Flow(Caller.Customer(customer.Id, customer.Name, language: saved.PreferredLanguage), conversationId: "conversation-2", userId: "User2")
            .Send("hi").AssertReply(reply => Assert.StartsWith(ChineseMenu, reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("我想买中文说明书的茶叶")]
    [InlineData("do you have the chinese edition?")]
    [InlineData("I want to learn english")]
    public async Task ALongerMessageThatMentionsALanguageDoesNotSwitch(string message)
    {
        await using var host = await ConversationTestHost.CreateAsync(Ct);

        await host.Flow(Caller.Anonymous)
            .Send(message).AssertReply(reply => Assert.DoesNotContain(reply.AsMessageActivity().Text, new[] { ToChinese, ToEnglish }))
            .Send("hi").AssertReply(reply => Assert.StartsWith(EnglishMenu, reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task AskingForTheLanguageAlreadySpokenOnlyConfirmsIt()
    {
        await using var host = await ConversationTestHost.CreateAsync(Ct);

        await host.Flow(Caller.Anonymous, locale: "zh-CN")
            .Send("中文").AssertReply("好的，我们正在用中文交流。")
            .AssertNoReply(timeout: 50)
            .Send("hi").AssertReply(reply => Assert.StartsWith(ChineseMenu, reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    private static async Task<ConversationTestHost> ShopAsync()
    {
        var host = await ConversationTestHost.CreateAsync(Ct);
        await host.Database.AddProductAsync(Tea, 25m, 10, Ct, name: "Longjing tea");
        await host.Database.AddProductAsync(ShopArrangements.Cup, 40m, 5, Ct, name: "Celadon cup");
        return host;
    }
}
