using System.Text.Json.Nodes;

namespace CrmBot.Tests.Http;

/// <summary>Activities as a channel posts them to /api/messages, asking for the replies in the HTTP response.</summary>
internal static class Activities
{
    public const string BotId = "crmbot";

    public static JsonObject Message(string text)
    {
        var activity = Base("message");
        activity["text"] = text;
        return activity;
    }

    public static JsonObject MembersAdded(params JsonObject[] members)
    {
        var activity = Base("conversationUpdate");
        activity["membersAdded"] = new JsonArray([.. members]);
        return activity;
    }

    public static JsonObject Account(string id, string? name = null) => new() { ["id"] = id, ["name"] = name };

    public static JsonObject Base(string type) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = "2026-01-05T09:30:00.000Z",
        ["channelId"] = "test",
        ["serviceUrl"] = "https://channel.example.test/",
        ["from"] = Account("user-1", "Ada Lovelace"),
        ["recipient"] = Account(BotId, "CrmBot"),
        ["conversation"] = new JsonObject { ["id"] = "conversation-1" },
        ["locale"] = "en-US",
        ["deliveryMode"] = "expectReplies",
    };
}
