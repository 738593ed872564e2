using System.Text.Json.Nodes;
using CrmBot.Tests.Identity;

namespace CrmBot.Tests.Teams;

/// <summary>
/// Activities as Teams posts them, built from the published samples in TestData/Teams, each asking for its replies in
/// the HTTP response (deliveryMode expectReplies) and, unless told otherwise, in a conversation and team of its own.
/// </summary>
internal static class TeamsPosts
{
    public const string BotName = "Teams TestBot";

    /// <summary>A sample as it is, in a conversation (and team) named after <paramref name="place"/>.</summary>
    public static JsonObject Sample(string name, string place)
    {
        var activity = TeamsActivities.Json(name);
        activity["deliveryMode"] = "expectReplies";

        // Every delivery of Teams has an id of its own; posting a sample again is a new activity, not a retry.
        activity["id"] = $"{activity["id"]}-{Guid.NewGuid():N}";
        activity["conversation"]!["id"] = $"{activity["conversation"]!["id"]}-{place}";
        if (activity["channelData"]?["team"] is JsonObject team)
        {
            team["id"] = $"{team["id"]}-{place}";
        }

        return activity;
    }

    /// <summary>A message of a sample with other words: a channel message keeps its @mention of the bot in front.</summary>
    public static JsonObject Message(string name, string place, string text)
    {
        var activity = Sample(name, place);
        var mention = activity["entities"]?.AsArray().FirstOrDefault(entity => (string?)entity?["type"] == "mention");
        var said = (string)activity["text"]!;
        var words = mention is null ? said : said.Replace((string)mention["text"]!, "", StringComparison.Ordinal).Trim();
        activity["text"] = said.Replace(words, text, StringComparison.Ordinal);
        foreach (var html in activity["attachments"]?.AsArray() ?? [])
        {
            html!["content"] = ((string)html["content"]!).Replace(words, text, StringComparison.Ordinal);
        }

        return activity;
    }

    /// <summary>
    /// The installationUpdate Teams sends with the conversationUpdate of an install sample: the same envelope, with the
    /// Bot Framework schema's <c>action</c> ("add" or "remove") instead of the members added.
    /// </summary>
    public static JsonObject InstallationUpdate(string installSample, string place, string action)
    {
        var activity = Sample(installSample, place);
        activity["type"] = "installationUpdate";
        activity.Remove("membersAdded");
        activity["action"] = action;
        return activity;
    }

    /// <summary>A conversationUpdate of an install sample in which someone else than the bot joins.</summary>
    public static JsonObject PersonJoins(string installSample, string place)
    {
        var activity = Sample(installSample, place);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:1fake-user-0000000000bb", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000bb" });
        return activity;
    }
}
