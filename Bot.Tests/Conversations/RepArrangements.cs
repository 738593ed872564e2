using CrmBot.Domain.SalesReps;
using CrmBot.Identity;
using CrmBot.Tests.Support;

namespace CrmBot.Tests.Conversations;

/// <summary>A sales rep on record (reminders and interactions point at one), and the caller Teams would make of them.</summary>
internal static class RepArrangements
{
    /// <summary>How every rep dialog begins its answer to a customer or visitor.</summary>
    public const string Refusal = "Sorry, that is something only our sales team can do.";

    public static Task<SalesRep> AddRepAsync(this TestDatabase db, CancellationToken ct, string timeZone = "Asia/Shanghai") =>
        db.WithDbAsync(async context =>
        {
            var rep = new SalesRep("Li Na", "li.na@example.com", aadObjectId: null, dailyCallCapacity: 20, timeZone);
            context.SalesReps.Add(rep);
            await context.SaveChangesAsync(ct);
            return rep;
        });

    public static Caller AsCaller(this SalesRep rep) => Caller.Rep(rep.Id, rep.DisplayName, rep.TimeZone);
}
