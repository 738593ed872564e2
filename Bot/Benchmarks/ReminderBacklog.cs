using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Reminders;
using CrmBot.Domain.SalesReps;
using CrmBot.DirectLine;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Benchmarks;

/// <summary>
/// What the reminders scenario gives the bot to deliver: reps, each in a web chat with the bot (a token the site minted
/// for <c>rep:&lt;id&gt;</c> with the Direct Line secret, then "hi", which records the chat's conversation reference), and
/// their open reminders, all due at one time.
/// </summary>
internal sealed class ReminderBacklog(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<Guid>> AddRepsAsync(int count, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var reps = Enumerable.Range(1, count)
            .Select(i => new SalesRep($"Bench Rep {i}", $"bench-rep-{i}@example.com", aadObjectId: null, dailyCallCapacity: 20))
            .ToList();
        db.SalesReps.AddRange(reps);
        await db.SaveChangesAsync(ct);
        return [.. reps.Select(rep => rep.Id)];
    }

    /// <summary>Opens each rep's web chat over HTTP, as the site and Web Chat would.</summary>
    public static async Task OpenChatsAsync(HttpClient bot, string secret, IEnumerable<Guid> reps, CancellationToken ct)
    {
        foreach (var rep in reps)
        {
            var userId = DirectLineUser.RepPrefix + rep.ToString();
            using var generate = Request("/v3/directline/tokens/generate", secret, new JsonObject { ["user"] = new JsonObject { ["id"] = userId } });
            using var generated = await bot.SendAsync(generate, ct);
            generated.EnsureSuccessStatusCode();
            var chat = await generated.Content.ReadFromJsonAsync<JsonObject>(ct) ?? throw new HttpRequestException("No token in the response.");
            using var hi = Request(
                $"/v3/directline/conversations/{(string)chat["conversationId"]!}/activities",
                (string)chat["token"]!,
                new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = userId, ["role"] = "user" }, ["text"] = "hi", ["locale"] = "en-US" });
            (await bot.SendAsync(hi, ct)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Gives the reps <paramref name="count"/> reminders in turn, in one transaction, so a job sees all of them or none.</summary>
    public async Task AddRemindersAsync(IReadOnlyList<Guid> reps, int count, DateTimeOffset dueAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Reminders.AddRange(Enumerable.Range(1, count).Select(i =>
            new Reminder(reps[i % reps.Count], string.Create(CultureInfo.InvariantCulture, $"Bench reminder {i}"), dueAt, now)));
        await db.SaveChangesAsync(ct);
    }

    private static HttpRequestMessage Request(string path, string credential, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return request;
    }
}
