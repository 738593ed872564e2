using CsvHelper;

namespace CrmBot.Domain.Import;

/// <summary>A line of customers.csv.</summary>
[CsvRecord]
public sealed partial record CustomerRow(
    [CsvColumn("external_id")] string ExternalId,
    [CsvColumn("name")] string Name,
    [CsvColumn("email")] string? Email,
    [CsvColumn("phone")] string? Phone,
    [CsvColumn("city")] string? City,
    [CsvColumn("country")] string? Country,
    [CsvColumn("created_at"), CsvConverter(typeof(IsoTimestampConverter))] DateTimeOffset? CreatedAt);
