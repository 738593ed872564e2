using System.Globalization;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Import;

/// <summary>
/// interactions.csv: a call, chat, email or note with a customer. The records give it no id, so it is known by its
/// customer, moment and kind (<see cref="Interaction.ImportKey"/>): importing it again adds nothing.
/// </summary>
internal sealed class InteractionImportStep(DateTimeOffset now) : ImportStep<InteractionRow>
{
    private readonly CustomerIds _customers = new();
    private HashSet<string> _existing = [];

    public override string Key(InteractionRow row) => string.Create(
        CultureInfo.InvariantCulture,
        $"{row.CustomerExternalId.Trim()}|{row.OccurredAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'}|{row.Kind.Trim().ToLowerInvariant()}");

    public override string Duplicate(InteractionRow row, int firstLine) =>
        $"The same {row.Kind.Trim().ToLowerInvariant()} with customer '{row.CustomerExternalId.Trim()}' at that moment is on line {firstLine} already.";

    public override async Task LoadAsync(CrmDbContext db, IReadOnlyList<InteractionRow> rows, CancellationToken ct)
    {
        await _customers.LoadAsync(db, rows.Select(r => r.CustomerExternalId), ct);
        var keys = rows.Select(Key).ToList();
        _existing = [.. await db.Interactions.Where(i => EF.Parameter(keys).Contains(i.ImportKey!)).Select(i => i.ImportKey!).ToListAsync(ct)];
    }

    public override ImportOutcome Apply(CrmDbContext db, InteractionRow row)
    {
        var customerId = _customers.Find(row.CustomerExternalId);
        var kind = EnumText.Parse<InteractionKind>(row.Kind, "a kind of interaction", name => name.ToLowerInvariant());
        var key = Key(row);
        if (_existing.Contains(key))
        {
            return ImportOutcome.Unchanged;
        }

        db.Interactions.Add(Interaction.Import(customerId, key, kind, row.OccurredAt, now));
        return ImportOutcome.Created;
    }
}
