namespace CrmBot.Tests.Jobs;

/// <summary>
/// Tests whose hosts start Hangfire. Hangfire keeps process-wide state (its log provider, serializer settings, global
/// filters), so these hosts run one at a time, after the parallel tests, whose hosts run no jobs (Jobs:Enabled=false).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireHosts
{
    public const string Name = "Hangfire hosts";
}
