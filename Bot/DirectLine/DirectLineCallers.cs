using CrmBot.Domain.Persistence;
using CrmBot.Domain.WebChat;
using CrmBot.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.DirectLine;

/// <summary>
/// The caller of a Direct Line turn, from the conversation the token bound: a signed-in customer or a rep as
/// their record stands now (a deleted record leaves an anonymous visitor), everyone else a visitor.
/// </summary>
public sealed class DirectLineCallers(IDbContextFactory<CrmDbContext> contexts)
{
    public async Task<Caller> ResolveAsync(DirectLineConversation conversation, CancellationToken ct)
    {
        if (conversation.CustomerId is null && conversation.RepId is null)
        {
            return Caller.Anonymous;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (conversation.CustomerId is { } customerId)
        {
            var customer = await db.Customers.AsNoTracking()
                .Where(c => c.Id == customerId)
                .Select(c => new { c.Name, c.TimeZone, c.PreferredLanguage })
                .FirstOrDefaultAsync(ct);
            return customer is null ? Caller.Anonymous : Caller.Customer(customerId, customer.Name, customer.TimeZone, customer.PreferredLanguage);
        }

        var repId = conversation.RepId!.Value;
        var rep = await db.SalesReps.AsNoTracking()
            .Where(r => r.Id == repId)
            .Select(r => new { r.DisplayName, r.TimeZone })
            .FirstOrDefaultAsync(ct);
        return rep is null ? Caller.Anonymous : Caller.Rep(repId, rep.DisplayName, rep.TimeZone);
    }
}
