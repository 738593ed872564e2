using System.Text;

namespace CrmBot.Tests.Import;

/// <summary>A temp folder of CSV files for an import, written as UTF-8 (with a byte order mark when asked); deleted on dispose.</summary>
public sealed class CsvFolder : IDisposable
{
    public const string CustomersHeader = "external_id,name,email,phone,city,country,created_at";
    public const string OrdersHeader = "external_id,customer_external_id,placed_at,status,total,currency";
    public const string InteractionsHeader = "customer_external_id,occurred_at,kind";

    public string Path { get; } = Directory.CreateTempSubdirectory("crmbot-import-").FullName;

    /// <summary>Writes the file with a line per row, the header first; returns its path.</summary>
    public string Write(string name, string header, IEnumerable<string> rows, bool byteOrderMark = false)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, string.Join('\n', [header, .. rows]) + "\n", new UTF8Encoding(byteOrderMark));
        return file;
    }

    public string Customers(params string[] rows) => Write("customers.csv", CustomersHeader, rows);

    public string Orders(params string[] rows) => Write("orders.csv", OrdersHeader, rows);

    public string Interactions(params string[] rows) => Write("interactions.csv", InteractionsHeader, rows);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
