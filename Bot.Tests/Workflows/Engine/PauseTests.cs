namespace CrmBot.Tests.Workflows.Engine;

/// <summary>A paused rule starts nothing, and what it had started waits until it is resumed.</summary>
public sealed class PauseTests : IAsyncLifetime
{
    private const string Rules = """
        {
          "name": "thank-you",
          "trigger": { "type": "orderPlaced" },
          "delay": { "hours": 1 },
          "actions": [ { "type": "messageCustomer", "text": { "en": "Thank you for order {orderNumber}" } } ]
        },
        {
          "name": "silent-two-days",
          "trigger": { "type": "noContact", "days": 2 },
          "actions": [ { "type": "tagCustomer", "tag": "quiet" } ]
        }
        """;

    private WorkflowShop _shop = null!;

    public async ValueTask InitializeAsync() => _shop = await WorkflowShop.OpenAsync(Rules);

    public async ValueTask DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task APausedRuleStartsNoRunsAndResumedStartsThemForWhatHappensNext()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        await _shop.PauseAsync("thank-you");
        await _shop.PauseAsync("silent-two-days");

        var whilePaused = await _shop.PlaceAsync(customer);
        _shop.Clock.Advance(TimeSpan.FromDays(2));
        await _shop.ProcessEventsAsync();
        await _shop.ScanAsync();
        var runsWhilePaused = (await _shop.RunsAsync("thank-you")).Count + (await _shop.RunsAsync("silent-two-days")).Count;
        await _shop.ResumeAsync("thank-you");
        await _shop.ResumeAsync("silent-two-days");
        var afterResuming = await _shop.PlaceAsync(customer);
        await _shop.ProcessEventsAsync();
        _shop.Clock.Advance(TimeSpan.FromHours(1));
        await _shop.ProcessEventsAsync();
        await _shop.ScanAsync();

        Assert.Equal(0, runsWhilePaused);
        Assert.Equal([$"Thank you for order {afterResuming.Number}"], await _shop.MessagesAsync(chat));
        Assert.DoesNotContain(await _shop.MessagesAsync(chat), m => m.Contains(whilePaused.Number, StringComparison.Ordinal));
        Assert.Equal(["quiet"], await _shop.TagsAsync(customer));
    }

    [Fact]
    public async Task TheRunsOfAPausedRuleWaitUntilItIsResumedAndThenActOnce()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        var order = await _shop.PlaceAsync(customer);
        await _shop.ProcessEventsAsync();

        await _shop.PauseAsync("thank-you");
        _shop.Clock.Advance(TimeSpan.FromHours(2));
        await _shop.ProcessEventsAsync();
        var whilePaused = await _shop.MessagesAsync(chat);
        await _shop.ResumeAsync("thank-you");
        await _shop.ProcessEventsAsync();
        await _shop.ProcessEventsAsync();

        Assert.Empty(whilePaused);
        Assert.Equal([$"Thank you for order {order.Number}"], await _shop.MessagesAsync(chat));
    }
}
