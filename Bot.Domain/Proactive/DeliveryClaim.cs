namespace CrmBot.Domain.Proactive;

/// <summary>
/// This run's claim on a message: which attempt it is, and whether the channel records the message and the ledger's
/// Sent mark in one transaction (<see cref="Exact"/>: the bot's own web chat), so that a claim still open means the
/// message did not go out.
/// </summary>
public sealed record DeliveryClaim(DeliveryKey Key, int Attempt, bool Exact);

/// <summary>The message's claim was taken over by another run (this one was too slow): nothing was sent.</summary>
public sealed class DeliveryClaimLostException(DeliveryKey key)
    : InvalidOperationException($"Delivery '{key}' is no longer claimed by this run.");
