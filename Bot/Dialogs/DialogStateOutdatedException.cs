namespace CrmBot.Dialogs;

/// <summary>
/// Stored dialog state no longer fits the running code (a deploy changed or removed a dialog, or the shape of
/// what it stored). The dialog context that runs the turn catches it and starts the conversation over.
/// </summary>
public sealed class DialogStateOutdatedException : Exception
{
    public DialogStateOutdatedException(string message)
        : base(message)
    {
    }

    public DialogStateOutdatedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
