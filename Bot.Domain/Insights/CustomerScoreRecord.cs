namespace CrmBot.Domain.Insights;

/// <summary>
/// A customer's purchase likelihood as the latest scoring run left it, with the one before: the workflows' likelihood
/// conditions read it, and their threshold triggers fire when the two lie on either side of a threshold.
/// </summary>
public sealed class CustomerScoreRecord
{
    public Guid CustomerId { get; init; }

    public double Probability { get; set; }

    /// <summary>The probability of the run before; null when this run scored the customer for the first time.</summary>
    public double? PreviousProbability { get; set; }

    public DateTimeOffset ScoredAt { get; set; }

    /// <summary>The model version that scored it; empty for the RFM baseline (no model trained yet).</summary>
    public string ModelVersion { get; set; } = string.Empty;
}
