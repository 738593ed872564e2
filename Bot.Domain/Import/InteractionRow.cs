using CsvHelper;

namespace CrmBot.Domain.Import;

/// <summary>A line of interactions.csv; the kind is call, chat, email or note.</summary>
[CsvRecord]
public sealed partial record InteractionRow(
    [CsvColumn("customer_external_id")] string CustomerExternalId,
    [CsvColumn("occurred_at"), CsvConverter(typeof(IsoTimestampConverter))] DateTimeOffset OccurredAt,
    [CsvColumn("kind")] string Kind);
