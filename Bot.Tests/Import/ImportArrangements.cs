using CrmBot.Domain.Import;
using CrmBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Import;

/// <summary>A small shop's files, and the import run through the real service on a <see cref="TestDatabase"/>.</summary>
internal static class ImportArrangements
{
    public const string ZhangSan = "c-1,张三,zhang.san@example.com,138 0013 8000,北京,CN,2024-01-05T10:00:00+08:00";
    public const string LiNa = "c-2,Li Na,li.na@example.com,,上海,CN,2024-02-01T09:00:00Z";
    public const string Delivered = "o-1,c-1,2024-03-01T10:00:00+08:00,delivered,120.50,CNY";
    public const string Paid = "o-2,c-2,2024-03-02T08:00:00Z,Paid,88,CNY";

    public static ImportFiles Shop(this CsvFolder folder) => new(
        folder.Customers(ZhangSan, LiNa),
        folder.Orders(Delivered, Paid),
        folder.Interactions("c-1,2024-03-01T11:00:00+08:00,call", "c-2,2024-03-03T09:30:00Z,email"));

    public static Task<ImportSummary> ImportAsync(this TestDatabase db, ImportFiles files) =>
        db.InScopeAsync(services => services.GetRequiredService<ShopImport>().RunAsync(files, ct: TestContext.Current.CancellationToken));

    public static ImportFileSummary File(this ImportSummary summary, string name) => summary.Files.Single(f => f.File == name);

    /// <summary>Read, created, updated, unchanged and rejected, to compare in one assertion.</summary>
    public static (int Read, int Created, int Updated, int Unchanged, int Rejected) Counts(this ImportFileSummary file) =>
        (file.Read, file.Created, file.Updated, file.Unchanged, file.Rejected);
}
