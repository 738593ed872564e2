namespace CrmBot.Domain.Import;

/// <summary>What the import did with one file: rows read, and how many of them it created, updated, left or rejected.</summary>
public sealed class ImportFileSummary(string file)
{
    private readonly List<ImportRejection> _rejections = [];

    public string File { get; } = file;

    public int Read { get; private set; }

    public int Created { get; private set; }

    public int Updated { get; private set; }

    /// <summary>Rows that were already in CrmBot as they are in the file.</summary>
    public int Unchanged { get; private set; }

    public int Rejected => _rejections.Count;

    /// <summary>The rejected rows in file order.</summary>
    public IReadOnlyList<ImportRejection> Rejections => _rejections;

    internal void CountRead() => Read++;

    internal void Count(ImportOutcome outcome)
    {
        switch (outcome)
        {
            case ImportOutcome.Created:
                Created++;
                break;
            case ImportOutcome.Updated:
                Updated++;
                break;
            default:
                Unchanged++;
                break;
        }
    }

    internal void Reject(int line, string reason) => _rejections.Add(new ImportRejection(File, line, reason));

    internal void SortRejections() => _rejections.Sort((a, b) => a.Line.CompareTo(b.Line));
}
