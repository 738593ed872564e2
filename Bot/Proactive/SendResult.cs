namespace CrmBot.Proactive;

public enum SendResult
{
    Sent,

    /// <summary>Not sent by this run: sent or being sent already, not due for a retry, or failed (and recorded).</summary>
    NotSent,

    /// <summary>Held back for the recipient's quiet hours: still due, for a later run.</summary>
    Waiting,
}
