using CrmBot.Domain.Customers;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using CrmBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;

namespace CrmBot.Proactive;

/// <summary>
/// What every proactive message to a customer goes through: only customers who agreed to messages and have a chat
/// with the bot get one; it is written in their language, waits for their morning, and says how to stop them.
/// </summary>
public sealed class CustomerNotifier(
    OnceSender sender,
    ConversationReferenceStore references,
    SupportedCultures cultures,
    QuietHours quietHours,
    TimeProvider clock,
    IStringLocalizer<CustomerNotifier> text)
{
    /// <summary>
    /// Customers a proactive message may go to: they agreed, and they have talked to the bot (a customer who never
    /// did has no chat to reach, which is not a failure to show anyone).
    /// </summary>
    public static IQueryable<Customer> Reachable(CrmDbContext db) =>
        db.Customers.Where(c => c.ConsentToProactiveMessages && db.ConversationReferences.Any(r => r.CustomerId == c.Id));

    /// <summary>Sends the message composed (in the customer's culture) unless it is night for them.</summary>
    public async Task<SendResult> NotifyAsync(DeliveryKey key, CustomerRecipient customer, Func<string> compose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(compose);
        if (quietHours.IsQuiet(clock.GetUtcNow(), customer.TimeZone))
        {
            return SendResult.Waiting;
        }

        string message;
        using (cultures.Enter(customer.Language))
        {
            message = $"{compose()}\n\n{text["HowToStop"]}";
        }

        var chats = await references.OfCustomerAsync(customer.Id, ct);
        return await sender.SendAsync(key, chats, MessageFactory.Text(message), ct);
    }
}

/// <summary>Who a customer message is for, as the jobs read it alongside what it is about.</summary>
public sealed record CustomerRecipient(Guid Id, string Name, string TimeZone, string Language);
