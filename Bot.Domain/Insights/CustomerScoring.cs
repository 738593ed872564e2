using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Insights;

/// <summary>
/// Stores every customer's purchase likelihood as of now beside the one the run before stored, so that the workflows'
/// likelihood conditions can read it and their threshold triggers can see it cross a threshold. Customers are read,
/// scored and written a page at a time, so memory stays bounded however many there are; erased customers are left out.
/// </summary>
public sealed class CustomerScoring(
    IDbContextFactory<CrmDbContext> contexts, PurchasePredictor predictor, TimeProvider clock, int pageSize = CustomerScoring.DefaultPageSize)
{
    /// <summary>Customers read, scored and written together, unless the constructor is given another page size (each page is its own transaction).</summary>
    public const int DefaultPageSize = 1000;

    /// <summary>Scores every customer who is not erased with the model in use, all as of the same moment: now.</summary>
    /// <exception cref="InvalidOperationException">No model is in use yet.</exception>
    public async Task<ScoringRun> ScoreAllAsync(CancellationToken ct = default)
    {
        var model = predictor.Current
            ?? throw new InvalidOperationException("No purchase model is in use yet, so customers cannot be scored: train one first.");
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var version = model.IsBaseline ? string.Empty : model.Version;
        var scored = 0;
        var after = Guid.Empty;
        while (await PageEndAsync(after, ct) is { } last)
        {
            scored += await ScorePageAsync(after, last, now, version, ct);
            after = last;
        }

        return new ScoringRun(scored, now, clock.GetElapsedTime(started));
    }

    /// <summary>Whether a run has stored any customer's score yet.</summary>
    public async Task<bool> AnyStoredAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CustomerScores.AnyAsync(ct);
    }

    private async Task<Guid?> PageEndAsync(Guid after, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await new CustomerHistoryQuery(db).PageEndAsync(after, pageSize, ct);
    }

    /// <returns>How many customers it scored.</returns>
    private async Task<int> ScorePageAsync(Guid after, Guid last, DateTimeOffset now, string version, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var histories = await new CustomerHistoryQuery(db).PageAsync(after, last, ct);
        var stored = await db.CustomerScores.Where(s => s.CustomerId > after && s.CustomerId <= last).ToDictionaryAsync(s => s.CustomerId, ct);
        foreach (var history in histories)
        {
            var probability = predictor.Score(CustomerFeatureExtractor.At(history, now))!.Probability;
            if (stored.TryGetValue(history.CustomerId, out var score))
            {
                score.PreviousProbability = score.Probability;
            }
            else
            {
                score = new CustomerScoreRecord { CustomerId = history.CustomerId };
                db.CustomerScores.Add(score);
            }

            score.Probability = probability;
            score.ScoredAt = now;
            score.ModelVersion = version;
        }

        await db.SaveChangesAsync(ct);
        return histories.Count;
    }
}
