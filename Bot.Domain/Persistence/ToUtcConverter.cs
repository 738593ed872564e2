using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmBot.Domain.Persistence;

/// <summary>Stores a moment at offset zero, as PostgreSQL's timestamptz requires; it is read back in UTC.</summary>
internal sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
