using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBot.Understanding;

/// <summary>How recognition results are written as JSON: camelCase, intents by name, Chinese characters as themselves.</summary>
public static class RecognitionJson
{
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>One result per line (JSON Lines).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            // The output is read by people in a terminal, not embedded in HTML: 张三 rather than \u5F20\u4E09.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
