using System.Text.Json;
using System.Text.RegularExpressions;
using CrmBot.DirectLine;
using CrmBot.Domain.Persistence;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBot.Tests.Browser;

/// <summary>The real Web Chat in Chromium, on the bot's own page and Direct Line endpoint, as a customer uses it.</summary>
public sealed partial class WebChatBrowserTests(ChatPage chat) : IClassFixture<ChatPage>
{
    // Web Chat polls once a second; a turn shows within a few polls.
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task TheBotGreetsAVisitorWithWhatItCanDo()
    {
        var page = await OpenChatAsync();

        await Expect(Transcript(page)).ToContainTextAsync(Greeting(), Soon);
        await Expect(SuggestedAction(page, "Track an order")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AVisitorTracksAnOrderWithItsNumberAndEmail()
    {
        var (number, email) = await AnOrderWithAnEmailAsync();
        var page = await OpenChatAsync();
        await Expect(Transcript(page)).ToContainTextAsync(Greeting(), Soon);

        await SayAsync(page, $"track {number}");
        await Expect(Transcript(page)).ToContainTextAsync("what email address or phone number is on the order?", Soon);
        await SayAsync(page, email);

        await Expect(Transcript(page)).ToContainTextAsync($"Order {number} is", Soon);
    }

    [Fact]
    public async Task AVisitorPlacesAnOrderByClickingThroughTheSuggestions()
    {
        var email = $"browser-{Guid.NewGuid():N}@example.com";
        var page = await OpenChatAsync();

        await SuggestedAction(page, "Place an order").ClickAsync();
        await Expect(Transcript(page)).ToContainTextAsync("Which product would you like?", Soon);
        await ChoiceButtons(page).First.ClickAsync();
        await Expect(Transcript(page)).ToContainTextAsync("How many", Soon);
        await SayAsync(page, "1");
        await Expect(Transcript(page)).ToContainTextAsync("Would you like anything else?", Soon);
        await ChoiceButton(page, "No").ClickAsync();
        await Expect(Transcript(page)).ToContainTextAsync("Whose name should the order be under?", Soon);
        await SayAsync(page, "Ada Browser");
        await Expect(Transcript(page)).ToContainTextAsync("What email address or mobile number", Soon);
        await SayAsync(page, email);
        await Expect(Transcript(page)).ToContainTextAsync("Please check your order", Soon);
        await ChoiceButton(page, "Yes").ClickAsync();

        await Expect(Transcript(page)).ToContainTextAsync(OrderPlaced(), Soon);
        await using var scope = chat.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var placed = await db.Orders.Where(o => db.Customers.Any(c => c.Id == o.CustomerId && c.Email == email)).CountAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, placed);
    }

    [Fact]
    public async Task AProactiveMessageArrivesInTheOpenChat()
    {
        var page = await OpenChatAsync();
        await Expect(Transcript(page)).ToContainTextAsync(Greeting(), Soon);
        var conversationId = await ConversationIdAsync(page);
        var adapter = chat.Services.GetRequiredService<DirectLineAdapter>();
        var reference = new ConversationReference
        {
            ChannelId = "directline",
            ServiceUrl = DirectLineAdapter.ServiceUrl,
            Conversation = new ConversationAccount(id: conversationId),
            Bot = adapter.Bot,
        };

        await adapter.ContinueConversationAsync(
            adapter.Bot.Id, reference, (turn, ct) => turn.SendActivityAsync("Good news: your order has shipped.", cancellationToken: ct), TestContext.Current.CancellationToken);

        await Expect(Transcript(page)).ToContainTextAsync("Good news: your order has shipped.", Soon);
    }

    [Fact]
    public async Task AReloadKeepsTheConversation()
    {
        var page = await OpenChatAsync();
        await SayAsync(page, "track an order");
        await Expect(Transcript(page)).ToContainTextAsync("What is the order number?", Soon);

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#chat-status[data-state=ready]", new() { State = WaitForSelectorState.Attached });
        await SayAsync(page, "cancel");

        await Expect(Transcript(page)).ToContainTextAsync("What is the order number?", Soon);
        await Expect(Transcript(page)).ToContainTextAsync(Cancelled(), Soon);
    }

    [Fact]
    public async Task AChineseBrowserChatsInChineseAndTracksAnOrder()
    {
        var (number, email) = await AnOrderWithAnEmailAsync();
        var page = await OpenChatAsync("zh-CN");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByTestId("language-zh")).ToHaveAttributeAsync("aria-pressed", "true");
        var input = page.GetByRole(AriaRole.Textbox, new() { Name = "消息输入框" });
        await Expect(input).ToHaveAttributeAsync("placeholder", "键入消息");
        var transcript = page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^聊天历史记录") });
        await Expect(transcript).ToContainTextAsync("您好！我是 CrmBot，本店的助手。", Soon);

        await input.FillAsync($"我的订单{number}到哪了");
        await input.PressAsync("Enter");
        await Expect(transcript).ToContainTextAsync("为保护您的隐私，请提供订单上的邮箱或电话号码。", Soon);
        await input.FillAsync(email);
        await input.PressAsync("Enter");

        await Expect(transcript).ToContainTextAsync($"订单 {number}：", Soon);
    }

    private async Task<IPage> OpenChatAsync(string locale = "en-US")
    {
        var page = await chat.OpenAsync(locale);
        await page.WaitForSelectorAsync("#chat-status[data-state=ready]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        return page;
    }

    private static ILocator Transcript(IPage page) => page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^Chat history") });

    private static ILocator SuggestedAction(IPage page, string title) =>
        page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = title, Exact = true });

    /// <summary>The choices of the latest question: suggested actions, or a card's buttons where there are more than three.</summary>
    private static ILocator ChoiceButtons(IPage page) =>
        page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button)
            .Or(Transcript(page).GetByRole(AriaRole.Article).Last.GetByRole(AriaRole.Button));

    private static ILocator ChoiceButton(IPage page, string title) => ChoiceButtons(page).Filter(new() { HasTextRegex = new Regex($"^{title}$") });

    private static async Task SayAsync(IPage page, string text)
    {
        var input = page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    private static async Task<string> ConversationIdAsync(IPage page)
    {
        var session = await page.EvaluateAsync<string>("() => sessionStorage.getItem('crmbot.webchat.session')");
        return JsonDocument.Parse(session).RootElement.GetProperty("conversationId").GetString()!;
    }

    private async Task<(string Number, string Email)> AnOrderWithAnEmailAsync()
    {
        await using var scope = chat.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var order = await db.Orders
            .Join(db.Customers.Where(c => c.Email != null), o => o.CustomerId, c => c.Id, (o, c) => new { o.Number, c.Email })
            .FirstAsync(TestContext.Current.CancellationToken);
        return (order.Number, order.Email!);
    }

    // Web Chat renders markdown with typographic quotes: "I'm" shows as "I’m".
    [GeneratedRegex("Hi! I.m CrmBot")]
    private static partial Regex Greeting();

    [GeneratedRegex("Okay, I.ve cancelled that")]
    private static partial Regex Cancelled();

    [GeneratedRegex(@"Thank you! Your order SO-\d+ is placed")]
    private static partial Regex OrderPlaced();
}
