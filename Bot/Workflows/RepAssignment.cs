namespace CrmBot.Workflows;

/// <summary>How an assignRep action picks the rep.</summary>
public enum RepAssignment
{
    RoundRobin,

    /// <summary>The rep with the fewest customers.</summary>
    LeastLoaded,
}
