using CrmBot.Domain.Persistence;
using CrmBot.Identity;
using Microsoft.Bot.Schema;

namespace CrmBot.Tests.Conversations;

/// <summary>"Show me your products", "do you have mugs?": pages of the catalogue and the products a question names.</summary>
public class BrowseProductsDialogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task AQuestionAboutAKindOfProductShowsTheMatchingOnesWithPriceAndStock()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddProductAsync("MUG-BLUE", 35m, 12, Ct, name: "Blue mug");
        await host.Database.AddProductAsync("MUG-GREEN", 35m, 0, Ct, name: "Green mug");
        await host.Database.AddProductAsync("TEA-LONGJING", 25m, 10, Ct, name: "Longjing tea");

        await host.Flow(Caller.Anonymous)
            .Send("do you have mugs?").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal(
                    "Here is what I found:\n• Blue mug (MUG-BLUE): 35.00 CNY, 12 in stock\n• Green mug (MUG-GREEN): 35.00 CNY, out of stock\n\nTo order, press Buy or say \"buy\" and the product.",
                    message.Text);
                Assert.Equal(AttachmentLayoutTypes.Carousel, message.AttachmentLayout);
                var cards = message.Attachments.Select(a => (HeroCard)a.Content).ToList();
                Assert.Equal(["Blue mug", "Green mug"], cards.Select(c => c.Title));
                Assert.Equal("buy MUG-BLUE", Assert.Single(cards[0].Buttons).Value);
                Assert.Empty(cards[1].Buttons);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task TheCatalogueComesInPagesWithMoreAsASuggestedAction()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await AddTeapotsAsync(host, 7);

        await host.Flow(Caller.Anonymous)
            .Send("show me your products").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.StartsWith("Our products (page 1):\n• Teapot 1 (SKU-1): 10.00 CNY, 1 in stock", message.Text);
                Assert.Equal(5, message.Attachments.Count);
                Assert.Equal(["More products"], message.SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("More products").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.StartsWith("Our products (page 2):\n• Teapot 6 (SKU-6): 60.00 CNY, 6 in stock\n• Teapot 7", message.Text);
                Assert.Null(message.SuggestedActions);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task BuyFromTheListGoesStraightToTheQuantity()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await AddTeapotsAsync(host, 6);

        await host.Flow(Caller.Anonymous)
            .Send("show me your products").AssertReply(reply => Assert.StartsWith("Our products (page 1):", reply.AsMessageActivity().Text))
            .Send("buy SKU-2").AssertReply("How many Teapot 2 would you like? (20.00 CNY each, 2 in stock)")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheMenuOffersBrowsingAndOrderingAndItsButtonsLeadThere()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddProductAsync("TEA-LONGJING", 25m, 10, Ct, name: "Longjing tea");

        await host.Flow(Caller.Anonymous)
            .Send("hi").AssertReply(reply =>
            {
                Assert.Contains("• Browse products", reply.AsMessageActivity().Text, StringComparison.Ordinal);
                Assert.Contains("• Place an order", reply.AsMessageActivity().Text, StringComparison.Ordinal);
                Assert.Equal(["Track an order", "Browse products", "Place an order"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("Browse products").AssertReply(reply => Assert.StartsWith("Our products (page 1):\n• Longjing tea (TEA-LONGJING)", reply.AsMessageActivity().Text))
            .Send("Place an order").AssertReply("Which product would you like?\n1. Longjing tea (TEA-LONGJING): 25.00 CNY")
            .StartTestAsync();
    }

    [Fact]
    public async Task AChineseVisitorBrowsesInChinese()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddProductAsync("CUP-BLUE", 40m, 3, Ct, name: "蓝色杯子");
        await host.Database.AddProductAsync("TEA-LONGJING", 25m, 0, Ct, name: "龙井茶");

        await host.Flow(Caller.Anonymous, locale: "zh-CN")
            .Send("你们卖什么").AssertReply(reply => Assert.Equal(
                "我们的商品（第 1 页）：\n• 蓝色杯子（CUP-BLUE）：¥40.00，库存 3 件\n• 龙井茶（TEA-LONGJING）：¥25.00，缺货\n\n下单请点“购买”，或说“购买”加商品名。",
                reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    /// <summary>Teapot 1 to <paramref name="count"/>, teapot i at 10 × i CNY with i in stock.</summary>
    private static async Task AddTeapotsAsync(ConversationTestHost host, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await host.Database.AddProductAsync($"SKU-{i}", 10m * i, i, Ct, name: $"Teapot {i}");
        }
    }
}
