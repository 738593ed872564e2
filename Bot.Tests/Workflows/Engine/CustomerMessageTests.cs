using CrmBot.Domain.Workflows;
using CrmBot.Workflows.Engine;

namespace CrmBot.Tests.Workflows.Engine;

/// <summary>A rule's message to a customer goes only to one who agreed, never at night for them, and once.</summary>
public sealed class CustomerMessageTests : IAsyncLifetime
{
    private const string Rules = """
        {
          "name": "shipped",
          "trigger": { "type": "orderShipped" },
          "actions": [ { "type": "messageCustomer", "text": { "en": "{orderNumber} is on its way" } } ]
        }
        """;

    private WorkflowShop _shop = null!;

    public async ValueTask InitializeAsync() => _shop = await WorkflowShop.OpenAsync(Rules);

    public async ValueTask DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task NewsAtNightWaitsForTheCustomersMorningAndThenGoesOnce()
    {
        // 14:00 UTC is 22:00 in Shanghai; the night there ends at 08:00, 00:00 UTC.
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang", timeZone: "Asia/Shanghai");
        _shop.Clock.Advance(TimeSpan.FromHours(5));
        var order = await _shop.PlaceAsync(customer);
        await _shop.PayAsync(order);
        await _shop.ShipAsync(order);

        var heardAtNight = 0;
        for (var hour = 22; hour < 32; hour++)
        {
            await _shop.ProcessEventsAsync();
            heardAtNight += (await _shop.MessagesAsync(chat)).Length;
            _shop.Clock.Advance(TimeSpan.FromHours(1));
        }

        var waiting = WorkflowRunLog.Parse((await _shop.RunAsync("shipped")).Log).Of(0);
        await _shop.ProcessEventsAsync();
        _shop.Clock.Advance(TimeSpan.FromMinutes(15));
        await _shop.ProcessEventsAsync();

        Assert.Equal(0, heardAtNight);
        Assert.Equal((ActionResult.Waiting, ActionReason.QuietHours), (waiting?.Result, waiting?.Reason));
        Assert.Equal([$"{order.Number} is on its way"], await _shop.MessagesAsync(chat));
        var run = await _shop.RunAsync("shipped");
        Assert.Equal(WorkflowRunStatus.Done, run.Status);
        Assert.Equal(ActionResult.Done, WorkflowRunLog.Parse(run.Log).Of(0)?.Result);
    }

    [Fact]
    public async Task ACustomerWhoDidNotAgreeToMessagesGetsNoneAndTheLogSaysWhy()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang", consent: false);
        var order = await _shop.PlaceAsync(customer);
        await _shop.PayAsync(order);
        await _shop.ShipAsync(order);

        await _shop.ProcessEventsAsync();

        Assert.Empty(await _shop.MessagesAsync(chat));
        var run = await _shop.RunAsync("shipped");
        var outcome = WorkflowRunLog.Parse(run.Log).Of(0);
        Assert.Equal(WorkflowRunStatus.Done, run.Status);
        Assert.Equal((ActionResult.Skipped, ActionReason.NoConsent), (outcome?.Result, outcome?.Reason));
    }
}
