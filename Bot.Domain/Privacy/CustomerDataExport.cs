using System.Text.Json;
using System.Text.Json.Serialization;
using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Privacy;

/// <summary>Everything stored about a customer as one document, for the customer's right of access; every export is audited.</summary>
/// <remarks>
/// The domain events outbox is left out: each of its rows repeats, by ids only, something the document holds (a
/// change in an order's history, the customer's creation, an interaction).
/// </remarks>
public sealed class CustomerDataExport(CrmDbContext db, PrivacyAudit audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <exception cref="NotFoundException">No customer has this id (audited as such).</exception>
    public async Task<CustomerDataDocument> ExportAsync(Guid customerId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null)
        {
            await audit.RecordAsync(actor, PrivacyAction.Export, customerId, PrivacyOutcome.NotFound, ct);
            throw new NotFoundException("Customer", customerId.ToString());
        }

        var footprint = await CustomerFootprint.FindAsync(db, customer, ct);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == customerId)
            .Include(o => o.Lines)
            .Include(o => o.Payments)
            .Include(o => o.Shipments)
            .Include(o => o.Refunds)
            .Include(o => o.History)
            .AsSplitQuery()
            .OrderBy(o => o.CreatedAt)
            .ToListAsync(ct);
        var interactions = await db.Interactions.AsNoTracking()
            .Where(i => i.CustomerId == customerId)
            .OrderBy(i => i.OccurredAt)
            .Select(i => new ExportedInteraction(i.Id, i.Kind, i.OccurredAt, i.RepId, i.Outcome, i.Notes))
            .ToListAsync(ct);
        var reminders = await db.Reminders.AsNoTracking()
            .Where(r => footprint.ReminderIds.Contains(r.Id))
            .OrderBy(r => r.DueAt)
            .Select(r => new ExportedReminder(r.Id, r.RepId, r.OrderId, r.Text, r.DueAt, r.Status, r.CreatedAt, r.CompletedAt))
            .ToListAsync(ct);
        var references = await db.ConversationReferences.AsNoTracking()
            .Where(r => footprint.ConversationReferenceIds.Contains(r.Id))
            .OrderBy(r => r.UpdatedAt)
            .ToListAsync(ct);
        var conversations = await db.DirectLineConversations.AsNoTracking()
            .Where(c => footprint.WebChatConversationIds.Contains(c.Id))
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(ct);
        var activities = (await db.DirectLineActivities.AsNoTracking()
                .Where(a => footprint.WebChatConversationIds.Contains(a.ConversationId))
                .OrderBy(a => a.Sequence)
                .ToListAsync(ct))
            .ToLookup(a => a.ConversationId);
        var states = await db.StoredStates.AsNoTracking().Where(s => footprint.StateKeys.Contains(s.Key)).OrderBy(s => s.Key).ToListAsync(ct);
        var deliveries = await db.ProactiveDeliveries.AsNoTracking()
            .Where(d => footprint.DeliveryIds.Contains(d.Id))
            .OrderBy(d => d.Occurrence)
            .Select(d => new ExportedDelivery(d.Topic, d.SubjectId, d.Occurrence, d.Status, d.Attempts, d.SentAt, d.LastError))
            .ToListAsync(ct);

        var document = new CustomerDataDocument(
            clock.GetUtcNow(),
            ExportedCustomer.Of(customer),
            [.. orders.Select(ExportedOrder.Of)],
            interactions,
            reminders,
            [.. references.Select(r => new ExportedConversationReference(r.ChannelId, r.UserId, r.ConversationId, r.ServiceUrl, r.TenantId, r.UpdatedAt, Parse(r.Json)))],
            [.. conversations.Select(c => new ExportedWebChatConversation(
                c.Id, c.UserId, c.UserName, footprint.MentioningWebChatConversationIds.Contains(c.Id), c.CreatedAt, c.StartedAt,
                [.. activities[c.Id].Select(a => new ExportedWebChatActivity(a.Sequence, a.At, Parse(a.Json)))]))],
            [.. states.Select(s => new ExportedBotState(s.Key, s.UpdatedAt, Parse(s.Json)))],
            deliveries);
        await audit.RecordAsync(actor, PrivacyAction.Export, customerId, PrivacyOutcome.Exported, ct);
        return document;
    }

    /// <summary>The document as JSON: camelCase names, enums as text, indented for a person to read.</summary>
    public static string ToJson(CustomerDataDocument document) => JsonSerializer.Serialize(document, Json);

    /// <summary>Stored JSON as it is; a row that is not JSON (it never should be) is left out rather than failing the export.</summary>
    private static JsonElement? Parse(string json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json);
            return parsed.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
