using CrmBot.Tests.Proactive;
using CrmBot.Workflows;

namespace CrmBot.Tests.Workflows.Engine;

/// <summary>A wrong rule in the workflows file is reported with its line and field and never runs; the others run.</summary>
public sealed class MalformedRuleTests
{
    private const string File = """
        {
          "workflows": [
            {
              "name": "paid-thanks",
              "trigger": { "type": "orderPaid" },
              "actions": [ { "type": "messageCustomer", "text": { "en": "Thank you for paying {orderNumber}" } } ]
            },
            {
              "name": "paid-total",
              "trigger": { "type": "orderPaid" },
              "actions": [ { "type": "messageCustomer", "text": { "en": "You paid {totl}" } } ]
            },
            { "name": "welcome-new-customer", "enabled": false }
          ]
        }
        """;

    [Fact]
    public async Task TheWrongRuleIsReportedAndTheOthersStillRun()
    {
        await using var shop = new WorkflowShop(await ProactiveShop.OpenAsync(new WorkflowApplication(File)));
        var (customer, chat) = await shop.CustomerInChatAsync("Wang Fang");
        var order = await shop.PlaceAsync(customer);

        await shop.PayAsync(order);
        await shop.ProcessEventsAsync();

        var error = Assert.Single(shop.Shop.Get<WorkflowCatalog>().Current.Errors);
        Assert.StartsWith("workflows.json line 11: rule 'paid-total', actions[0].text.en: {totl} is not a placeholder", error.ToString(), StringComparison.Ordinal);
        Assert.Equal([$"Thank you for paying {order.Number}"], await shop.MessagesAsync(chat));
        Assert.Empty(await shop.RunsAsync("paid-total"));
    }
}
