namespace CrmBot.Tests.Reliability;

/// <summary>
/// The reliability tests load the machine on purpose (a minute of saturating turns, a process killed mid-load), so they
/// run one at a time, after the parallel tests, where nothing else skews their figures or their deadlines.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilitySuite
{
    public const string Name = "Reliability";
}
