using System.Globalization;
using System.Text;
using CsCheck;

namespace CrmBot.Tests.Security;

/// <summary>
/// Generators of what broken and hostile clients post: activities with fields of the wrong JSON type, missing, null,
/// repeated or unknown; types and invoke names no channel sends; control characters, NUL and lone surrogates in text
/// and ids; text up to 1 MB; JSON nested thousands deep; odd locales and timestamps; and bodies that are not JSON at
/// all, cut short, or sent with another content type or encoding. JSON is written by hand, as text, because
/// serializers refuse to write lone surrogates and deep nesting.
/// </summary>
internal static class HostileActivities
{
    /// <summary>Stands for a new id on each post (see <see cref="HostileBody.Content"/>).</summary>
    public const string FreshId = "@fresh-id@";

    /// <summary>Stands for the id of the user posting.</summary>
    public const string Caller = "@caller@";

    /// <summary>The conversation of <see cref="ChannelBodies"/>: one for all, so that what a hostile turn leaves in its state meets the next.</summary>
    public const string FuzzConversation = "fuzz-conversation";

    private static readonly Gen<char> OddChar = Gen.Frequency(
        (3, Gen.Char.AlphaNumeric),
        (2, Gen.Char['\0', '\u001f']),
        (2, Gen.Char['\ud800', '\udfff']),
        (1, Gen.Char["\u007f\u0085\u00a0\u200b\u200e\u202e\u2028\u2029\ufeff\ufffe\uffff\"\\/<>&'%{}"]),
        (1, Gen.Char));

    /// <summary>Strings no one types: control characters, NUL, lone surrogates, injections, up to 1 MB.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.String[OddChar, 0, 40]),
        (2, Gen.OneOf(
            "", " ", "hi", "track SO-10042", "stop", "cancel", "help", "<script>alert(1)</script>", "'; DROP TABLE Customers; --",
            "{0}{1}%s%n", "../../etc/passwd", "SO-99999999999999999999999", "😀👍🏽", "张三 138 0013 8000", "\u202egnirts desrever")),
        (1, Gen.Int[1, 1 << 20].Select(length => new string('x', length))),
        (1, Gen.Int[1, 20_000].Select(count => string.Concat(Enumerable.Repeat("SO-10042 3 mugs tomorrow 10am ", count)))));

    private static readonly Gen<string> Key = Gen.String[OddChar, 0, 12].Select(Quote);

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (3, Gen.OneOf("null", "true", "false", "0", "-1", "1e400", "-0.0", "123456789012345678901234567890", "NaN", "-Infinity", "0x1F", "undefined")),
        (2, Gen.Int.Select(number => number.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(number => number.ToString("R", CultureInfo.InvariantCulture))),
        (4, Text.Select(Quote)));

    /// <summary>Any JSON value, a few levels deep.</summary>
    public static readonly Gen<string> Json = Gen.Recursive<string>((depth, json) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, json.Array[0, 4].Select(items => $"[{string.Join(',', items)}]")),
            (1, Gen.Select(Key, json).Array[0, 4].Select(members => Object([.. members])))));

    /// <summary>Arrays or objects nested up to 5,000 deep: a parser that recurses without a limit overflows the stack.</summary>
    public static readonly Gen<string> DeeplyNested = Gen.Select(Gen.Int[1, 5000], Gen.Bool, (depth, arrays) => arrays
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));

    private static readonly Gen<string> AnyValue = Gen.Frequency((6, Json), (1, DeeplyNested));

    private static readonly Gen<string> Ids = Gen.Frequency(
        (3, Text.Select(Quote)),
        (1, Gen.Int[1, 100_000].Select(length => Quote(new string('i', length)))),
        (1, AnyValue));

    private static readonly Gen<string> Accounts = Gen.Frequency(
        (3, Gen.Select(Ids, Text, Gen.OneOf("user", "bot", "skill", "", "admin"), (id, name, role) =>
            Object([("\"id\"", id), ("\"name\"", Quote(name)), ("\"role\"", Quote(role)), ("\"aadObjectId\"", Quote(name))]))),
        (1, AnyValue));

    private static readonly Gen<string> Conversations = Gen.Frequency(
        (3, Gen.Select(Ids, Gen.OneOf("personal", "channel", "groupChat", ""), AnyValue, (id, type, tenant) =>
            Object([("\"id\"", id), ("\"conversationType\"", Quote(type)), ("\"tenantId\"", tenant), ("\"isGroup\"", tenant)]))),
        (1, AnyValue));

    private static readonly Gen<string> TeamsChannelData = Gen.Select(AnyValue, AnyValue, Gen.OneOf("teamMemberAdded", "channelCreated", "teamRenamed", "", "nonsense"), (tenant, team, eventType) =>
        Object([("\"tenant\"", Object([("\"id\"", tenant)])), ("\"team\"", team), ("\"eventType\"", Quote(eventType))]));

    private static readonly Gen<string> Mentions = Gen.Select(Accounts, Text, (mentioned, text) =>
        $"[{Object([("\"type\"", "\"mention\""), ("\"mentioned\"", mentioned), ("\"text\"", Quote(text))])}]");

    private static readonly Gen<string> Attachments = Gen.Select(
        Gen.OneOf("application/vnd.microsoft.card.adaptive", "application/vnd.microsoft.card.hero", "image/png", "text/html", ""), AnyValue, Text,
        (contentType, content, url) => $"[{Object([("\"contentType\"", Quote(contentType)), ("\"content\"", content), ("\"contentUrl\"", Quote(url))])}]");

    private static readonly Gen<string> Timestamps = Gen.OneOf(
        "not a date", "", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999+14:00", "2026-13-45T99:99:99Z", "2026-01-05T09:30:00+99:00").Select(Quote);

    private static Gen<string> OneOf(params string[] values) => Gen.OneOf(values).Select(Quote);

    private static Gen<string> OrAnyValue(this Gen<string> likely) => Gen.Frequency((3, likely), (1, AnyValue));

    /// <summary>The fields hostile values go in, each with values of its own kind (often of the right type, with odd content) and of any other.</summary>
    private static readonly (string Name, Gen<string> Values)[] Fields =
    [
        ("type", OneOf(
            "message", "foo", "", "MESSAGE", " message", "invoke", "event", "typing", "endOfConversation", "conversationUpdate",
            "installationUpdate", "messageReaction", "messageUpdate", "messageDelete", "deleteUserData", "trace", "handoff", "command",
            "commandResult", "contactRelationUpdate", "suggestion", "invokeResponse", "delay").OrAnyValue()),
        ("name", OneOf(
            "", "healthCheck", "adaptiveCard/action", "signin/verifyState", "signin/tokenExchange", "composeExtension/query",
            "composeExtension/submitAction", "task/fetch", "task/submit", "fileConsent/invoke", "actionableMessage/executeAction",
            "config/fetch", "tab/fetch", "application/search", "handoff/action", "ContinueConversation", "../invoke").OrAnyValue()),
        ("id", Ids),
        ("text", Text.Select(Quote).OrAnyValue()),
        ("from", Accounts),
        ("recipient", Accounts),
        ("conversation", Conversations),
        ("channelId", OneOf("msteams", "directline", "webchat", "emulator", "slack", "").OrAnyValue()),
        ("serviceUrl", OneOf("https://channel.example.test/", "http://localhost:1/", "https://", "file:///etc/passwd", "javascript:alert(1)", "").OrAnyValue()),
        ("locale", OneOf(
            "", "zz", "en_US", "zh-Hans", "zh-CN", "ar-SA", "tlh", "qps-ploc", "x-invalid", "en-US-u-ca-buddhist", "iv", "../..",
            "zh-Hans-CN-x-" + new string('a', 500)).OrAnyValue()),
        ("timestamp", Timestamps.OrAnyValue()),
        ("localTimestamp", Timestamps.OrAnyValue()),
        ("localTimezone", OneOf("Asia/Shanghai", "Mars/Olympus_Mons", "", "UTC+25").OrAnyValue()),
        ("channelData", Gen.Frequency((1, TeamsChannelData), (2, AnyValue))),
        ("attachments", Attachments.OrAnyValue()),
        ("entities", Mentions.OrAnyValue()),
        ("value", AnyValue),
        ("suggestedActions", AnyValue),
        ("membersAdded", Accounts.Array[0, 3].Select(accounts => $"[{string.Join(',', accounts)}]").OrAnyValue()),
        ("membersRemoved", AnyValue),
        ("reactionsAdded", AnyValue),
        ("action", OneOf("add", "remove", "add-upgrade", "").OrAnyValue()),
        ("replyToId", Ids),
        ("textFormat", OneOf("plain", "markdown", "xml", "").OrAnyValue()),
        ("inputHint", OneOf("acceptingInput", "expectingInput", "").OrAnyValue()),
        ("relatesTo", AnyValue),
        ("callerId", Ids),
        ("valueType", AnyValue),
        ("deliveryMode", OneOf("expectReplies", "EXPECTREPLIES", "").OrAnyValue()),
    ];

    private static readonly Gen<Mutation> Mutations = Gen.Frequency(
        (8, Gen.OneOf(Fields).SelectMany(field => field.Values.Select(json => new Mutation(field.Name, json)))),
        (2, Gen.OneOf(Fields).Select(field => new Mutation(field.Name, Json: null))),
        (1, Gen.OneOf(Fields).SelectMany(field => field.Values.Select(json => new Mutation(field.Name, json, Repeated: true)))),
        (1, Gen.Select(Gen.String[OddChar, 0, 12], AnyValue, (name, json) => new Mutation(name, json, Repeated: true))));

    private static readonly Gen<HostileBody> NotJson = Gen.Frequency(
        (2, Text),
        (1, Gen.OneOf(
            "<activity type=\"message\"/>", "type=message&text=hi", "\ufeff{}", "{}", "[]", "\"message\"", "42", "{'type':'message'}",
            "{\"type\":\"message\",}", "/* comment */ {}", "{\"type\":\"message\"} trailing", "\0", "{\"type\"\0:\"message\"}")))
        .Select(text => new HostileBody(text));

    private static readonly Gen<string?> ContentTypes = Gen.OneOf<string?>(
        "application/json; charset=utf-8", "text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=nonsense", ";;;", null);

    /// <summary>Bodies for /api/messages: mostly a channel's message (as <see cref="Http.Activities.Base"/>) with a few fields mutated.</summary>
    public static readonly Gen<HostileBody> ChannelBodies = Bodies(
    [
        ("type", "\"message\""), ("id", Quote(FreshId)), ("timestamp", "\"2026-01-05T09:30:00.000Z\""), ("channelId", "\"test\""),
        ("serviceUrl", "\"https://channel.example.test/\""), ("from", $"{{\"id\":{Quote(Caller)},\"name\":\"Ada Lovelace\"}}"),
        ("recipient", "{\"id\":\"crmbot\",\"name\":\"CrmBot\"}"), ("conversation", $"{{\"id\":{Quote(FuzzConversation)}}}"),
        ("locale", "\"en-US\""), ("deliveryMode", "\"expectReplies\""), ("text", "\"hi\""),
    ]);

    /// <summary>Bodies for a Direct Line post: mostly Web Chat's message (as <see cref="DirectLine.DirectLineClient.Session.Message"/>) with a few fields mutated.</summary>
    public static readonly Gen<HostileBody> DirectLineBodies = Bodies(
    [
        ("type", "\"message\""), ("from", $"{{\"id\":{Quote(Caller)},\"role\":\"user\"}}"), ("text", "\"hi\""), ("locale", "\"en-US\""),
        ("channelData", $"{{\"clientActivityID\":{Quote(FreshId)}}}"),
    ]);

    /// <summary>A JSON string literal with everything outside printable ASCII escaped, so NUL and lone surrogates arrive as the escapes a client sends.</summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                >= ' ' and <= '~' => json.Append(c),
                _ => json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
            };
        }

        return json.Append('"').ToString();
    }

    private static string Object(IEnumerable<(string Key, string Value)> members) =>
        $"{{{string.Join(',', members.Select(member => $"{member.Key}:{member.Value}"))}}}";

    private static Gen<HostileBody> Bodies((string Name, string Json)[] valid)
    {
        var activity = Object(valid.Select(field => (Quote(field.Name), field.Json)));
        return Gen.Frequency(
            (12, Mutations.Array[0, 4].Select(mutations => new HostileBody(Object(Apply(valid, mutations).Select(field => (Quote(field.Name), field.Json)))))),
            (1, NotJson),
            (1, Gen.Int[0, activity.Length - 1].Select(length => new HostileBody(activity[..length]))),
            (1, Gen.Select(ContentTypes, Gen.OneOf("utf-8", "utf-16", "iso-8859-1"), (contentType, encoding) => new HostileBody(activity, contentType, encoding))),
            (1, DeeplyNested.Select(json => new HostileBody(json))));
    }

    private static List<(string Name, string Json)> Apply((string Name, string Json)[] valid, Mutation[] mutations)
    {
        var fields = valid.ToList();
        foreach (var mutation in mutations)
        {
            var index = fields.FindIndex(field => field.Name == mutation.Name);
            if (mutation.Json is null)
            {
                fields.RemoveAll(field => field.Name == mutation.Name);
            }
            else if (index < 0 || mutation.Repeated)
            {
                fields.Add((mutation.Name, mutation.Json));
            }
            else
            {
                fields[index] = (mutation.Name, mutation.Json);
            }
        }

        return fields;
    }

    /// <summary>A field set to a value, removed (no value) or added again after the one there (JSON with a repeated key).</summary>
    private sealed record Mutation(string Name, string? Json, bool Repeated = false);
}
