using System.Globalization;
using CrmBot.Domain.WebChat;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CrmBot.DirectLine;

/// <summary>
/// Activities as Direct Line clients read them: ActivitySets of the stored JSON (<see cref="Channels.ActivityJson"/>), with
/// ids made of the conversation and the activity's sequence number.
/// </summary>
public static class DirectLineActivityJson
{
    public static string Id(string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");

    /// <summary>An ActivitySet: the activities in order, each with its id, and the watermark to poll on from.</summary>
    public static string ActivitySet(IReadOnlyList<DirectLineActivity> activities, long watermark)
    {
        var set = new JObject
        {
            ["activities"] = new JArray(activities.Select(a =>
            {
                var json = JObject.Parse(a.Json);
                json["id"] = Id(a.ConversationId, a.Sequence);
                return json;
            })),
            ["watermark"] = watermark.ToString(CultureInfo.InvariantCulture),
        };
        return set.ToString(Formatting.None);
    }
}
