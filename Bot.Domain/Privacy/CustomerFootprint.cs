using CrmBot.Domain.Customers;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.WebChat;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Privacy;

/// <summary>
/// Where a customer's data lies outside their own record, by key: what an export reads and an erasure removes, found
/// in one place so that the two cannot disagree.
/// </summary>
/// <remarks>
/// Web chat conversations are the customer's own (a token minted for <c>customer:&lt;id&gt;</c>) and visitors'
/// conversations in which their email address or phone number was typed (a returning customer ordering or tracking an
/// order before signing in). Reps' conversations are the reps' work and are not included.
/// </remarks>
internal sealed record CustomerFootprint(
    IReadOnlyList<Guid> OrderIds,
    IReadOnlyList<Guid> ReminderIds,
    IReadOnlyList<Guid> ConversationReferenceIds,
    IReadOnlyList<string> WebChatConversationIds,
    IReadOnlySet<string> MentioningWebChatConversationIds,
    IReadOnlyList<string> ConversationIds,
    IReadOnlyList<string> StateKeys,
    IReadOnlyList<Guid> DeliveryIds)
{
    public static async Task<CustomerFootprint> FindAsync(CrmDbContext db, Customer customer, CancellationToken ct)
    {
        var id = customer.Id;
        var orderIds = await db.Orders.Where(o => o.CustomerId == id).Select(o => o.Id).ToListAsync(ct);
        var reminderIds = await db.Reminders
            .Where(r => r.CustomerId == id || (r.OrderId != null && orderIds.Contains(r.OrderId.Value)))
            .Select(r => r.Id)
            .ToListAsync(ct);
        var mentioning = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contact in new[] { customer.Email, customer.Phone, customer.PhoneNational }.OfType<string>())
        {
            // People type emails as they like: SQLite's LIKE ignores the case of ASCII letters, PostgreSQL's ILIKE of
            // all. A scan, but exports and erasures are rare.
            var pattern = LikePattern.Containing(contact);
            var activities = db.Database.IsNpgsql()
                ? db.DirectLineActivities.Where(a => EF.Functions.ILike(a.Json, pattern, LikePattern.EscapeCharacter))
                : db.DirectLineActivities.Where(a => EF.Functions.Like(a.Json, pattern, LikePattern.EscapeCharacter));
            mentioning.UnionWith(await activities
                .Select(a => a.ConversationId)
                .Distinct()
                .ToListAsync(ct));
        }

        var mentioningIds = mentioning.ToList();
        var webChats = await db.DirectLineConversations
            .Where(c => c.CustomerId == id || (c.CustomerId == null && c.RepId == null && mentioningIds.Contains(c.Id)))
            .Select(c => new { c.Id, c.UserId })
            .ToListAsync(ct);
        var webChatIds = webChats.Select(c => c.Id).ToList();
        var references = await db.ConversationReferences
            .Where(r => r.CustomerId == id || (r.ChannelId == DirectLineConversation.ChannelId && webChatIds.Contains(r.ConversationId)))
            .Select(r => new { r.Id, r.ChannelId, r.UserId, r.ConversationId })
            .ToListAsync(ct);
        var subjects = orderIds.Concat(reminderIds).Append(id).ToList();
        var deliveryIds = await db.ProactiveDeliveries.Where(d => subjects.Contains(d.SubjectId)).Select(d => d.Id).ToListAsync(ct);

        var conversations = webChats.Select(c => (Channel: DirectLineConversation.ChannelId, ConversationId: c.Id, c.UserId))
            .Concat(references.Select(r => (Channel: r.ChannelId, r.ConversationId, r.UserId)))
            .Distinct()
            .ToList();
        return new CustomerFootprint(
            orderIds,
            reminderIds,
            [.. references.Select(r => r.Id)],
            webChatIds,
            webChats.Where(c => mentioning.Contains(c.Id)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal),
            [.. conversations.Select(c => c.ConversationId).Distinct(StringComparer.Ordinal)],
            [.. conversations.SelectMany(c => BotStateKeys.Of(c.Channel, c.ConversationId, c.UserId)).Distinct(StringComparer.Ordinal)],
            deliveryIds);
    }
}
