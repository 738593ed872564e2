using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Import;

/// <summary>
/// Writes a file's rows in batches, each in one transaction, so that a large history imports fast. A row is checked by
/// the domain before it changes anything, so a bad row is simply left out of its batch. Should the database still
/// refuse a batch, it is rolled back whole and its rows are written one by one, each in its own transaction: only the
/// row at fault is rejected, and no row is ever half written.
/// </summary>
internal sealed class ImportBatches(IDbContextFactory<CrmDbContext> contexts, IProgress<ImportProgress>? progress)
{
    public const int BatchSize = 1000;

    public async Task<ImportFileSummary> RunAsync<TRow>(CsvImportFile<TRow> file, ImportStep<TRow> step, CancellationToken ct)
    {
        var summary = new ImportFileSummary(file.Name);
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var batch in file.ReadLines().Chunk(BatchSize))
        {
            var lines = new List<ImportLine<TRow>>(batch.Length);
            foreach (var line in batch)
            {
                summary.CountRead();
                if (line.Error is { } error)
                {
                    summary.Reject(line.Number, error);
                }
                else
                {
                    lines.Add(line);
                }
            }

            if (!await TryWriteAsync(lines, step, summary, firstLines, alone: false, ct))
            {
                foreach (var line in lines)
                {
                    await TryWriteAsync([line], step, summary, firstLines, alone: true, ct);
                }
            }

            progress?.Report(new ImportProgress(file.Name, summary.Read, Math.Max(file.Rows, summary.Read)));
        }

        summary.SortRejections();
        return summary;
    }

    /// <returns>False when the database refused the batch, which then left nothing behind.</returns>
    private async Task<bool> TryWriteAsync<TRow>(
        List<ImportLine<TRow>> lines, ImportStep<TRow> step, ImportFileSummary summary, Dictionary<string, int> firstLines, bool alone, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // A failure rolls the whole transaction back, so SaveChanges needs no savepoint of its own.
        db.Database.AutoSavepointsEnabled = false;
        await step.BeginAsync(db, ct);
        await step.LoadAsync(db, [.. lines.Select(l => l.Row!)], ct);

        var written = new Dictionary<string, int>(StringComparer.Ordinal);
        var outcomes = new List<ImportOutcome>(lines.Count);
        var rejections = new List<(int Line, string Reason)>();
        foreach (var (number, row, _) in lines)
        {
            var key = step.Key(row!);
            if (key.Length > 0 && (firstLines.TryGetValue(key, out var first) || written.TryGetValue(key, out first)))
            {
                rejections.Add((number, step.Duplicate(row!, first)));
                continue;
            }

            try
            {
                outcomes.Add(step.Apply(db, row!));
                if (key.Length > 0)
                {
                    written[key] = number;
                }
            }
            catch (DomainException ex)
            {
                rejections.Add((number, ex.Message));
            }
        }

        try
        {
            await step.EndAsync(db, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException) when (!alone)
        {
            return false;
        }
        catch (DbUpdateException ex)
        {
            summary.Reject(lines[0].Number, $"The database refused the row: {ex.GetBaseException().Message}");
            return true;
        }

        foreach (var (key, line) in written)
        {
            firstLines[key] = line;
        }

        outcomes.ForEach(summary.Count);
        rejections.ForEach(r => summary.Reject(r.Line, r.Reason));
        return true;
    }
}
