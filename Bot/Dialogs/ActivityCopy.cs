using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CrmBot.Dialogs;

internal static class ActivityCopy
{
    /// <summary>
    /// A deep copy to send: sending fills an activity in (ids, conversation, recipient), and the original lives in
    /// dialog state.
    /// </summary>
    public static Activity Of(Activity activity) => JObject.FromObject(activity).ToObject<Activity>()!;
}
