namespace CrmBot.Domain.Proactive;

/// <summary>What a proactive message is about; with its subject and occurrence it names the message.</summary>
public enum DeliveryTopic
{
    /// <summary>A rep's reminder at its due time (subject: the reminder).</summary>
    Reminder,

    /// <summary>A customer's order still unpaid (subject: the order; occurrence: when it was placed).</summary>
    UnpaidOrder,

    /// <summary>A customer's order went out (subject: the order; occurrence: when it was shipped).</summary>
    OrderShipped,

    /// <summary>A customer's order arrived (subject: the order; occurrence: when it was delivered).</summary>
    OrderDelivered,

    /// <summary>A rep's daily digest (subject: the rep; occurrence: the local day it is for, at midnight UTC).</summary>
    DailyDigest,

    /// <summary>A workflow's message to a customer (subject: the run; occurrence: when its trigger fired).</summary>
    WorkflowMessage,

    /// <summary>A workflow's Teams message to a rep (subject: derived from the run and the rep; occurrence: when its trigger fired).</summary>
    WorkflowNotice,

    /// <summary>To a rep: a workflow's runs are held by the mass-send guard (subject: derived from the rep and the workflow; occurrence: the engine pass).</summary>
    WorkflowHeld,
}
