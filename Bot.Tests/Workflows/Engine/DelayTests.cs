using CrmBot.Domain.Workflows;
using CrmBot.Workflows.Engine;

namespace CrmBot.Tests.Workflows.Engine;

/// <summary>A rule with a delay acts once the delay is over, on the conditions as they are then.</summary>
public sealed class DelayTests : IAsyncLifetime
{
    private const string Rules = """
        {
          "name": "pay-reminder",
          "trigger": { "type": "orderPlaced" },
          "delay": { "days": 2 },
          "conditions": [ { "field": "order.status", "equals": "Placed" } ],
          "actions": [ { "type": "messageCustomer", "text": { "en": "Your order {orderNumber} is waiting for your payment" } } ]
        }
        """;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private WorkflowShop _shop = null!;

    public async ValueTask InitializeAsync() => _shop = await WorkflowShop.OpenAsync(Rules);

    public async ValueTask DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task TheMessageGoesWhenTheDelayIsOverAndNotBefore()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        var order = await _shop.PlaceAsync(customer);
        await _shop.ProcessEventsAsync();

        _shop.Clock.Advance(TimeSpan.FromDays(2) - Minute);
        await _shop.ProcessEventsAsync();
        var aMinuteEarly = await _shop.MessagesAsync(chat);
        _shop.Clock.Advance(Minute);
        await _shop.ProcessEventsAsync();
        await _shop.ProcessEventsAsync();

        Assert.Empty(aMinuteEarly);
        Assert.Equal([$"Your order {order.Number} is waiting for your payment"], await _shop.MessagesAsync(chat));
    }

    [Fact]
    public async Task AnOrderPaidDuringTheDelayIsSkippedAndTheLogSaysItWasPaid()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        var order = await _shop.PlaceAsync(customer);
        await _shop.ProcessEventsAsync();

        _shop.Clock.Advance(TimeSpan.FromDays(1));
        await _shop.PayAsync(order);
        await _shop.ProcessEventsAsync();
        _shop.Clock.Advance(TimeSpan.FromDays(1));
        await _shop.ProcessEventsAsync();

        Assert.Empty(await _shop.MessagesAsync(chat));
        var run = await _shop.RunAsync("pay-reminder");
        var log = WorkflowRunLog.Parse(run.Log);
        Assert.Equal((WorkflowRunStatus.Skipped, RunSkipReason.Conditions), (run.Status, log.Skipped));
        Assert.Equal(new ConditionOutcome("order.status equals \"Placed\"", "Paid", false), Assert.Single(log.Conditions));
    }
}
