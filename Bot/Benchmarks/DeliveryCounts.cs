using CrmBot.Domain.Proactive;

namespace CrmBot.Benchmarks;

/// <summary>The ledger's deliveries of one topic by status, at one moment.</summary>
internal sealed record DeliveryCounts(IReadOnlyDictionary<DeliveryStatus, int> ByStatus)
{
    public int Total => ByStatus.Values.Sum();

    /// <summary>Deliveries not decided yet: being sent, or waiting for a retry.</summary>
    public int Open => Of(DeliveryStatus.Sending) + Of(DeliveryStatus.Retrying);

    public int Of(DeliveryStatus status) => ByStatus.GetValueOrDefault(status);

    public override string ToString() =>
        string.Join(", ", Enum.GetValues<DeliveryStatus>().Where(status => Of(status) > 0).Select(status => $"{status} {Of(status):N0}"));
}
