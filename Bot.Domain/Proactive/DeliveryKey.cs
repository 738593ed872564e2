namespace CrmBot.Domain.Proactive;

/// <summary>
/// Names one proactive message: its topic, what it is about and which occurrence of it (a snoozed reminder is due
/// again at a new time, so it is a new message). The ledger holds each key once.
/// </summary>
public readonly record struct DeliveryKey(DeliveryTopic Topic, Guid SubjectId, DateTimeOffset Occurrence)
{
    public override string ToString() => $"{Topic}:{SubjectId:N}:{Occurrence.UtcDateTime:O}";
}
