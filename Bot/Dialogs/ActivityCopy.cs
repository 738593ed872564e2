using System.Runtime.CompilerServices;
using Microsoft.Bot.Schema;

namespace CrmBot.Dialogs;

internal static class ActivityCopy
{
    /// <summary>
    /// A copy to send, so that the original stays as it was. Sending sets fields of the activity itself (ids,
    /// conversation, recipient, Teams' line breaks, a prompt's buttons) and never changes what its lists and
    /// attachments hold, so copying the fields is enough; a JSON round trip cost as much as the rest of a prompt's turn.
    /// </summary>
    public static Activity Of(Activity activity) => (Activity)MemberwiseClone(activity);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = nameof(MemberwiseClone))]
    private static extern object MemberwiseClone(object original);
}
