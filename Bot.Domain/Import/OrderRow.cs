using CsvHelper;

namespace CrmBot.Domain.Import;

/// <summary>A line of orders.csv; the status is one of the lifecycle's names, in any case.</summary>
[CsvRecord]
public sealed partial record OrderRow(
    [CsvColumn("external_id")] string ExternalId,
    [CsvColumn("customer_external_id")] string CustomerExternalId,
    [CsvColumn("placed_at"), CsvConverter(typeof(IsoTimestampConverter))] DateTimeOffset PlacedAt,
    [CsvColumn("status")] string Status,
    [CsvColumn("total"), CsvConverter(typeof(PlainDecimalConverter))] decimal Total,
    [CsvColumn("currency")] string Currency);
