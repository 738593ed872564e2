using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CrmBot.Conversations.Cards;

/// <summary>
/// An Adaptive Card (schema 1.5) built from our own records, since the AdaptiveCards package is unavailable.
/// <see cref="ToAttachment"/> gives the JSON as the attachment every channel that renders cards understands.
/// </summary>
public sealed record AdaptiveCard(IReadOnlyList<AdaptiveElement> Body)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Names in Chinese stay readable in the JSON; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    [JsonPropertyName("type")]
    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyName("version")]
    [JsonPropertyOrder(-1)]
    public string Version => "1.5";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The card as an attachment; the Bot Framework serialises attachments with Newtonsoft, hence the JObject.</summary>
    public Attachment ToAttachment() => new() { ContentType = ContentType, Content = JObject.Parse(ToJson()) };
}
