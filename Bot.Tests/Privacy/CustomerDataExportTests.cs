using System.Text.Json;
using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Privacy;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Privacy;

/// <summary>A customer's export is one JSON document with everything stored about them, and every export is audited.</summary>
public class CustomerDataExportTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheExportHoldsTheProfileOrdersInteractionsRemindersChatsStateAndDeliveries()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var shop = await PrivacyShop.CreateAsync(db, Ct);

        var document = await ExportAsync(db, shop.Alice.Id, TestDatabase.Rep);

        Assert.Equal((PrivacyShop.Name, PrivacyShop.Email, PrivacyShop.Phone), (document.Customer.Name, document.Customer.Email, document.Customer.Phone));
        Assert.Equal([shop.Delivered.Number, shop.Cancelled.Number], document.Orders.Select(o => o.Number));
        var delivered = document.Orders[0];
        Assert.Equal((OrderStatus.PartiallyRefunded, 100m, "CNY"), (delivered.Status, delivered.Total.Amount, delivered.Total.Currency));
        Assert.Equal(("MUG", 4), (delivered.Lines.Single().Sku, delivered.Lines.Single().Quantity));
        Assert.Equal(("alipay", "transfer from Alice Zhang"), (delivered.Payments.Single().Method, delivered.Payments.Single().Reference));
        Assert.Equal(("SF Express", "SF1234567890"), (delivered.Shipments.Single().Carrier, delivered.Shipments.Single().TrackingNumber));
        Assert.Equal(25m, delivered.Refunds.Single().Amount.Amount);
        Assert.Equal("customer:Alice Zhang", delivered.History[0].Actor);
        Assert.Equal("Alice Zhang prefers alice@example.com", document.Interactions.Single().Notes);
        Assert.Equal("Call Alice Zhang back", document.Reminders.Single().Text);
        Assert.Equal(PrivacyShop.OwnChat, document.ConversationReferences.Single().ConversationId);
        Assert.Equal([PrivacyShop.OwnChat, PrivacyShop.VisitorChat], document.WebChatConversations.Select(c => c.Id).Order());
        var own = document.WebChatConversations.Single(c => c.Id == PrivacyShop.OwnChat);
        Assert.False(own.MentionsContact);
        Assert.Equal(["hi, it is Alice Zhang", "Hello Alice Zhang!"], own.Activities.Select(a => a.Activity!.Value.GetProperty("text").GetString()));
        Assert.True(document.WebChatConversations.Single(c => c.Id == PrivacyShop.VisitorChat).MentionsContact);
        Assert.Equal(["directline/conversations/alice-chat", "directline/conversations/visitor-chat"], document.BotState.Select(s => s.Key));
        Assert.Equal([DeliveryTopic.Reminder, DeliveryTopic.OrderShipped], document.ProactiveDeliveries.Select(d => d.Topic).Order());
    }

    [Fact]
    public async Task TheJsonIsCamelCaseWithEnumsAsText()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var shop = await PrivacyShop.CreateAsync(db, Ct);

        using var json = JsonDocument.Parse(CustomerDataExport.ToJson(await ExportAsync(db, shop.Alice.Id, TestDatabase.Rep)));

        var root = json.RootElement;
        Assert.Equal(PrivacyShop.Email, root.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal("partiallyRefunded", root.GetProperty("orders")[0].GetProperty("status").GetString());
        Assert.Equal(100m, root.GetProperty("orders")[0].GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal("Hello Alice Zhang!", root.GetProperty("webChatConversations")[0].GetProperty("activities")[1].GetProperty("activity").GetProperty("text").GetString());
    }

    [Fact]
    public async Task AnotherCustomersDataIsNotInTheExport()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var shop = await PrivacyShop.CreateAsync(db, Ct);

        var json = CustomerDataExport.ToJson(await ExportAsync(db, shop.Alice.Id, TestDatabase.Rep));

        Assert.DoesNotContain("Bob", json, StringComparison.Ordinal);
        Assert.DoesNotContain(shop.BobsOrder.Number, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExportIsAuditedWithoutThePersonalData()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var shop = await PrivacyShop.CreateAsync(db, Ct);

        await ExportAsync(db, shop.Alice.Id, TestDatabase.Rep);

        var entry = Assert.Single(await db.Services.GetRequiredService<PrivacyAudit>().OfCustomerAsync(shop.Alice.Id, Ct));
        Assert.Equal((PrivacyAction.Export, PrivacyOutcome.Exported, "rep:Li Na", TestDatabase.Rep.Id), (entry.Action, entry.Outcome, entry.Actor, entry.ActorId));
        Assert.Equal(TestDatabase.Start, entry.At);
    }

    [Fact]
    public async Task ExportingAnUnknownCustomerIsNotFoundAndAudited()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var nobody = Guid.CreateVersion7();

        await Assert.ThrowsAsync<NotFoundException>(() => ExportAsync(db, nobody, TestDatabase.Rep));

        Assert.Equal(PrivacyOutcome.NotFound, Assert.Single(await db.Services.GetRequiredService<PrivacyAudit>().OfCustomerAsync(nobody, Ct)).Outcome);
    }

    internal static Task<CustomerDataDocument> ExportAsync(TestDatabase db, Guid customerId, Actor actor) =>
        db.InScopeAsync(services => services.GetRequiredService<CustomerDataExport>().ExportAsync(customerId, actor, Ct));
}
