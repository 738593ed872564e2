namespace CrmBot.Domain.Proactive;

public enum DeliveryStatus
{
    /// <summary>Claimed by a job that is sending it now.</summary>
    Sending,

    Sent,

    /// <summary>The last attempt failed; another follows at <see cref="ProactiveDelivery.NextAttemptAt"/>.</summary>
    Retrying,

    /// <summary>Every attempt failed: for a rep to look at.</summary>
    Failed,

    /// <summary>A job stopped between sending and recording it: it may have gone out, so it is never sent again.</summary>
    Uncertain,
}
