namespace CrmBot.Domain.Import;

/// <summary>What importing a valid row did.</summary>
internal enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
}
