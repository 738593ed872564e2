using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmBot.Domain.Persistence;

/// <summary>
/// Stores a DateTimeOffset as its UTC ticks, so that ORDER BY and comparisons in SQLite follow the real
/// moment (EF's DateTimeOffsetToBinaryConverter packs the local clock time: 10:00+08:00 would sort after
/// 03:00Z). Values read back at offset zero: the same moment, not the offset it was written with.
/// </summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    stored => new DateTimeOffset(stored, TimeSpan.Zero));
