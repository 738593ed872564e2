using System.Globalization;
using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace CrmBot.Channels;

/// <summary>
/// Activities in and out of JSON with the serializer of the Bot Framework's own HTTP integration, so that what the
/// channel endpoints accept is what the adapters read.
/// </summary>
public static class ActivityJson
{
    /// <summary>Activities are shallow; the limit stops a deeply nested body before it costs anything.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads one activity; a body that is not a JSON object with nothing after it is a <see cref="JsonException"/>.</summary>
    public static Activity? Read(Stream body)
    {
        using var reader = new JsonTextReader(new StreamReader(body, Encoding.UTF8, leaveOpen: true)) { MaxDepth = MaxDepth };
        var activity = HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
        if (activity is not null && reader.Read())
        {
            throw new JsonReaderException($"Unexpected {reader.TokenType} after the activity, line {reader.LineNumber}, position {reader.LinePosition}.");
        }

        return activity;
    }

    public static string Write(Activity activity)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        HttpHelper.BotMessageSerializer.Serialize(text, activity);
        return text.ToString();
    }
}
