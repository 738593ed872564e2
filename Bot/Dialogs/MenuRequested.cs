namespace CrmBot.Dialogs;

/// <summary>
/// The result of a conversation the user ended with "menu" or "start over": every dialog was cancelled and the
/// caller should show the main menu. <see cref="DialogExtensions.RunAsync"/> does so by beginning its dialog again.
/// </summary>
public sealed class MenuRequested
{
    public static MenuRequested Instance { get; } = new();

    private MenuRequested()
    {
    }
}
