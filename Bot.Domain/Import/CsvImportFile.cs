using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace CrmBot.Domain.Import;

/// <summary>
/// One CSV file of an import (UTF-8, with or without a byte order mark, comma-separated, a header row). Opening it
/// checks that it exists and that its header has every column, so a bad file stops the import before anything is
/// written; its rows then come with the line they start on.
/// </summary>
internal sealed partial class CsvImportFile<TRow> : IDisposable
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly CsvReader _reader;

    private CsvImportFile(string name, CsvReader reader, int rows)
    {
        Name = name;
        _reader = reader;
        Rows = rows;
    }

    /// <summary>The file's name, as rejections name it.</summary>
    public string Name { get; }

    /// <summary>About how many rows it has: its lines less the header (a quoted value may span lines).</summary>
    public int Rows { get; }

    public static CsvImportFile<TRow> Open(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ImportFileException($"{path}: no such file.");
        }

        var reader = CsvReader.FromFile(path, Options);
        try
        {
            if (!reader.TryValidateHeader<TRow>(out var missing))
            {
                var columns = (missing.Count == 1 ? "column " : "columns ") + string.Join(", ", missing.Select(ColumnName));
                throw new ImportFileException(reader.Headers.Count == 0
                    ? $"{name} is empty: it needs a header row with the {columns}."
                    : $"{name} has no {columns} in its header ({string.Join(", ", reader.Headers)}).");
            }

            return new CsvImportFile<TRow>(name, reader, Math.Max(0, CountLines(path) - 1));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public IEnumerable<ImportLine<TRow>> ReadLines()
    {
        while (_reader.Read())
        {
            var line = (int)_reader.LineNumber;
            TRow? row = default;
            string? error = null;
            try
            {
                var values = _reader.Current.FieldCount;
                if (values != _reader.Headers.Count)
                {
                    // Read anyway, the values would land in the wrong columns: 12,50 unquoted gives a currency of 50.
                    error = $"{values} values for the {_reader.Headers.Count} columns of the header (a value with a comma needs double quotes).";
                }
                else
                {
                    row = _reader.GetRecord<TRow>();
                }
            }
            catch (CsvFormatException ex)
            {
                var column = ex.FieldIndex >= 0 && ex.FieldIndex < _reader.Headers.Count ? _reader.Headers[ex.FieldIndex] : ex.Member;
                error = $"{column}: {ex.InnerException?.Message ?? ex.Message}";
            }

            yield return new ImportLine<TRow>(line, row, error);
        }
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>CsvHelper names a missing column as Member ('header name'); a person only needs the header name.</summary>
    private static string ColumnName(string missing) => QuotedName().Match(missing) is { Success: true } match ? match.Groups[1].Value : missing;

    private static int CountLines(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var lines = 0;
        var last = (byte)'\n';
        for (var read = stream.Read(buffer); read > 0; read = stream.Read(buffer))
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        return last == '\n' ? lines : lines + 1;
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedName();
}
