using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Reminders;
using CrmBot.Domain.SalesReps;
using CrmBot.Domain.WebChat;
using CrmBot.Tests.Conversations;
using CrmBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Privacy;

/// <summary>
/// Alice Zhang with everything CrmBot can hold about a customer: orders she placed and cancelled herself (paid,
/// shipped, delivered, partly refunded), an interaction and a reminder that name her, her signed-in web chat with its
/// conversation reference and bot state, a visitor chat in which she typed her email, and proactive deliveries. Bob Li
/// is another customer, who must come out of her erasure untouched.
/// </summary>
internal sealed record PrivacyShop(Customer Alice, Customer Bob, SalesRep Rep, Order Delivered, Order Cancelled, Order BobsOrder, Reminder Reminder)
{
    public const string Name = "Alice Zhang";
    public const string Email = "alice@example.com";
    public const string Phone = "+8613800138000";
    public const string NationalPhone = "13800138000";
    public const string OwnChat = "alice-chat";
    public const string VisitorChat = "visitor-chat";

    /// <summary>What must not be found anywhere once she is erased.</summary>
    public static readonly string[] PersonalData = [Name, "Alice", "Zhang", Email, Phone, NationalPhone];

    public static async Task<PrivacyShop> CreateAsync(TestDatabase db, CancellationToken ct)
    {
        var rep = await db.AddRepAsync(ct);
        var alice = await db.AddCustomerAsync(Name, Email, NationalPhone, ct);
        var bob = await db.AddCustomerAsync("Bob Li", "bob@example.com", "139 0013 9000", ct);
        await db.AddProductAsync("MUG", 25m, 100, ct, name: "Mug");
        var asAlice = Actor.Customer(alice.Id, Name);
        var asRep = Actor.Rep(rep.Id, rep.DisplayName);

        var delivered = await db.OrdersAsync(orders => orders.PlaceAsync(new PlaceOrderRequest(alice.Id, [new OrderLineRequest("MUG", 4)]), asAlice, ct));
        await db.OrdersAsync(orders => orders.PayAsync(delivered.Number, new Money(100m, "CNY"), "alipay", $"transfer from {Name}", asRep, ct: ct));
        await db.OrdersAsync(orders => orders.ShipAsync(delivered.Number, "SF Express", "SF1234567890", asRep, ct: ct));
        await db.OrdersAsync(orders => orders.DeliverAsync(delivered.Number, asRep, ct: ct));
        await db.OrdersAsync(orders => orders.RefundAsync(delivered.Number, new Money(25m, "CNY"), $"One mug broke; Alice asked to be called on {NationalPhone}", asRep, ct: ct));
        var cancelled = await db.OrdersAsync(orders => orders.PlaceAsync(new PlaceOrderRequest(alice.Id, [new OrderLineRequest("MUG", 1)]), asAlice, ct));
        await db.OrdersAsync(orders => orders.CancelAsync(cancelled.Number, $"Ordered twice, write to {Email}", asAlice, ct: ct));
        var bobsOrder = await db.OrdersAsync(orders => orders.PlaceAsync(new PlaceOrderRequest(bob.Id, [new OrderLineRequest("MUG", 2)]), asRep, ct));

        var reminder = await db.InScopeAsync(async services =>
        {
            await services.GetRequiredService<InteractionService>().LogAsync(alice.Id, rep.Id, InteractionKind.Call, "wants a quote", $"Alice Zhang prefers {Email}", ct);
            await services.GetRequiredService<InteractionService>().LogAsync(bob.Id, rep.Id, InteractionKind.Call, "reached", "Bob Li wants blue mugs", ct);
            return await services.GetRequiredService<ReminderService>().SetAsync(rep.Id, "Call Alice Zhang back", TestDatabase.Start.AddDays(1), alice.Id, ct);
        });

        await db.WithDbAsync(async context =>
        {
            var now = db.Clock.GetUtcNow();
            var userId = $"customer:{alice.Id}";
            context.DirectLineConversations.Add(new DirectLineConversation { Id = OwnChat, UserId = userId, UserName = Name, CustomerId = alice.Id, CreatedAt = now });
            context.DirectLineConversations.Add(new DirectLineConversation { Id = VisitorChat, UserId = "dl_visitor", CreatedAt = now });
            context.DirectLineConversations.Add(new DirectLineConversation { Id = "bob-chat", UserId = $"customer:{bob.Id}", UserName = "Bob Li", CustomerId = bob.Id, CreatedAt = now });
            context.DirectLineActivities.AddRange(
                Message(OwnChat, userId, "hi, it is Alice Zhang", now),
                Message(OwnChat, "bot", "Hello Alice Zhang!", now),
                Message(VisitorChat, "dl_visitor", "track SO-10001 for Alice@Example.com", now),
                Message("bob-chat", $"customer:{bob.Id}", "hi, Bob here", now));
            context.ConversationReferences.Add(new ConversationReferenceRecord
            {
                ChannelId = DirectLineConversation.ChannelId, UserId = userId, ConversationId = OwnChat, ServiceUrl = "http://localhost/", CustomerId = alice.Id,
                Json = $$$"""{"user":{"id":"{{{userId}}}","name":"{{{Name}}}"},"conversation":{"id":"{{{OwnChat}}}"}}""", UpdatedAt = now,
            });
            context.StoredStates.AddRange(
                new StoredState { Key = BotStateKeys.Conversation("directline", OwnChat), ETag = "1", Json = $$$"""{"dialogState":{"customer":"{{{Name}}}"}}""", UpdatedAt = now },
                new StoredState { Key = BotStateKeys.Conversation("directline", VisitorChat), ETag = "1", Json = $$$"""{"dialogState":{"contact":"{{{Email}}}"}}""", UpdatedAt = now },
                new StoredState { Key = BotStateKeys.Conversation("directline", "bob-chat"), ETag = "1", Json = """{"dialogState":{}}""", UpdatedAt = now });
            context.ProactiveDeliveries.AddRange(
                new ProactiveDelivery { Topic = DeliveryTopic.OrderShipped, SubjectId = delivered.Id, Occurrence = now, Status = DeliveryStatus.Sent, Attempts = 2, LastError = $"{Email} unreachable", ClaimedAt = now, SentAt = now },
                new ProactiveDelivery { Topic = DeliveryTopic.Reminder, SubjectId = reminder.Id, Occurrence = reminder.DueAt, Status = DeliveryStatus.Sent, Attempts = 1, ClaimedAt = now, SentAt = now });
            await context.SaveChangesAsync(ct);
        });

        return new PrivacyShop(alice, bob, rep, delivered, cancelled, bobsOrder, reminder);
    }

    private static DirectLineActivity Message(string conversation, string from, string text, DateTimeOffset at) =>
        new() { ConversationId = conversation, At = at, Json = $$$"""{"type":"message","from":{"id":"{{{from}}}"},"text":"{{{text}}}"}""" };
}
