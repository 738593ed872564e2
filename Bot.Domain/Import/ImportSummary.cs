namespace CrmBot.Domain.Import;

/// <summary>What an import did, file by file, in the order the files were imported.</summary>
public sealed record ImportSummary(IReadOnlyList<ImportFileSummary> Files, TimeSpan Elapsed)
{
    public int Read => Files.Sum(f => f.Read);

    public int Rejected => Files.Sum(f => f.Rejected);

    public IEnumerable<ImportRejection> Rejections => Files.SelectMany(f => f.Rejections);
}
