using System.Globalization;
using CsvHelper;

namespace CrmBot.Domain.Import;

/// <summary>
/// Reads a decimal written with a dot and nothing else (12.50). CsvHelper's own reading allows thousands separators,
/// which would take the European 12,50 for 1250.
/// </summary>
internal sealed class PlainDecimalConverter : ICsvConverter<decimal>
{
    public decimal Read(CsvReader reader, int index)
    {
        var text = reader.GetString(index).Trim();
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a number written with a dot, such as 12.50.");
    }

    public void Write(CsvWriter writer, decimal value) => writer.WriteField(value.ToString(CultureInfo.InvariantCulture));
}
