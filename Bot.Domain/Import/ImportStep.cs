using CrmBot.Domain.Persistence;

namespace CrmBot.Domain.Import;

/// <summary>
/// How the rows of one kind of file become changes in CrmBot. <see cref="ImportBatches"/> runs a step over a batch of
/// rows in one transaction: Begin, Load what the rows refer to, Apply each row (a <see cref="Common.DomainException"/>
/// rejects it before it changes anything), End, save.
/// </summary>
internal abstract class ImportStep<TRow>
{
    /// <summary>What identifies a row in its file, so that a second row with it is rejected; empty for none.</summary>
    public abstract string Key(TRow row);

    /// <summary>Why a row with the key of the row on <paramref name="firstLine"/> is rejected.</summary>
    public abstract string Duplicate(TRow row, int firstLine);

    public virtual Task BeginAsync(CrmDbContext db, CancellationToken ct) => Task.CompletedTask;

    public abstract Task LoadAsync(CrmDbContext db, IReadOnlyList<TRow> rows, CancellationToken ct);

    public abstract ImportOutcome Apply(CrmDbContext db, TRow row);

    public virtual Task EndAsync(CrmDbContext db, CancellationToken ct) => Task.CompletedTask;
}
