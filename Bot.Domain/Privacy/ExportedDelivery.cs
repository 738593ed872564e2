using CrmBot.Domain.Proactive;

namespace CrmBot.Domain.Privacy;

/// <summary>A proactive message about the customer, their orders or a reminder about them.</summary>
public sealed record ExportedDelivery(
    DeliveryTopic Topic, Guid SubjectId, DateTimeOffset Occurrence, DeliveryStatus Status, int Attempts, DateTimeOffset? SentAt, string? LastError);
