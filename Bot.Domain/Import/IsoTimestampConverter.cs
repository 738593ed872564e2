using System.Globalization;
using CsvHelper;

namespace CrmBot.Domain.Import;

/// <summary>
/// Reads an ISO 8601 timestamp (2024-03-01T10:30:00+08:00, ...Z, or a plain date). One without an offset is taken as
/// UTC: CsvHelper's own reading would take the machine's time zone, so the same file would import differently on
/// another server.
/// </summary>
internal sealed class IsoTimestampConverter : ICsvConverter<DateTimeOffset>
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    public DateTimeOffset Read(CsvReader reader, int index)
    {
        var text = reader.GetString(index).Trim();
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new FormatException($"'{text}' is not an ISO 8601 timestamp such as 2024-03-01T10:30:00+08:00.");
    }

    public void Write(CsvWriter writer, DateTimeOffset value) =>
        writer.WriteField(value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
}
