namespace CrmBot.Domain.Proactive;

/// <summary>
/// One proactive message, by the key that names it (a reminder at its due time, an order's nudge...): the key is
/// unique, so however often a job runs, the message is claimed once and sent at most once.
/// </summary>
public sealed class ProactiveDelivery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DeliveryTopic Topic { get; init; }

    public Guid SubjectId { get; init; }

    public DateTimeOffset Occurrence { get; init; }

    public DeliveryKey Key => new(Topic, SubjectId, Occurrence);

    public DeliveryStatus Status { get; set; }

    /// <summary>Claimed for a channel that records the message and its Sent mark together (see <see cref="DeliveryClaim.Exact"/>).</summary>
    public bool Exact { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }
}
