namespace CrmBot.Domain.Privacy;

/// <summary>How a privacy request ended, as the audit trail records it.</summary>
public enum PrivacyOutcome
{
    Exported,
    Erased,

    /// <summary>Erased before: whatever the customer had left behind since was removed, the rest was already gone.</summary>
    AlreadyErased,

    NotFound,

    /// <summary>The request failed and changed nothing.</summary>
    Failed,
}
