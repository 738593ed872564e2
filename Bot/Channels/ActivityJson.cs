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

    /// <summary>
    /// Reads one activity; a body that is not a JSON object with nothing after it, or has a value its field cannot
    /// hold, is a <see cref="JsonException"/>.
    /// </summary>
    public static Activity? Read(Stream body)
    {
        using var reader = new StrictJsonTextReader(new StreamReader(body, Encoding.UTF8, leaveOpen: true)) { MaxDepth = MaxDepth };
        Activity? activity;
        try
        {
            activity = HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            // Json.NET lets these through from the types it builds, e.g. a timestamp whose offset is over 14 hours.
            throw new JsonSerializationException(
                $"{exception.Message} Path '{reader.Path}', line {reader.LineNumber}, position {reader.LinePosition}.",
                reader.Path, reader.LineNumber, reader.LinePosition, exception);
        }

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

    /// <summary>
    /// Json.NET also reads JavaScript's undefined, NaN and Infinity, and comments; kept in an activity's free-form
    /// fields (value, channelData...), they would be written back as they are, into JSON no other client can parse.
    /// </summary>
    private sealed class StrictJsonTextReader(TextReader text) : JsonTextReader(text)
    {
        public override bool Read()
        {
            var read = base.Read();
            if (TokenType is JsonToken.Undefined or JsonToken.Comment || Value is double number && !double.IsFinite(number))
            {
                throw JsonReaderExceptionAt($"{(TokenType == JsonToken.Comment ? "A comment" : Value ?? "undefined")} is not JSON.");
            }

            return read;
        }

        private JsonReaderException JsonReaderExceptionAt(string message) =>
            new($"{message} Path '{Path}', line {LineNumber}, position {LinePosition}.", Path, LineNumber, LinePosition, innerException: null);
    }
}
