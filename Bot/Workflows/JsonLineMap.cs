using System.Text;
using System.Text.Json;

namespace CrmBot.Workflows;

/// <summary>
/// The line of every value in a JSON text, by JSON pointer (RFC 6901): JsonDocument keeps no positions, so one
/// Utf8JsonReader pass records where each property name or array item starts.
/// </summary>
public sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines;

    private JsonLineMap(Dictionary<string, int> lines) => _lines = lines;

    /// <summary>Maps valid JSON (comments and trailing commas allowed); call only once the text has parsed.</summary>
    public static JsonLineMap Build(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        int LineAt(long offset)
        {
            var index = lineStarts.BinarySearch((int)offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        // One frame per open object or array: its pointer and, in an array, the index of the next item.
        var path = new Stack<(string Pointer, int NextIndex)>();
        string? property = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                lines[$"{path.Peek().Pointer}/{Escape(property!)}"] = LineAt(reader.TokenStartIndex);
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                path.Pop();
                continue;
            }

            string pointer;
            if (path.Count == 0)
            {
                pointer = string.Empty;
                lines[pointer] = LineAt(reader.TokenStartIndex);
            }
            else if (property is not null)
            {
                pointer = $"{path.Peek().Pointer}/{Escape(property)}";
            }
            else
            {
                var (parent, index) = path.Pop();
                path.Push((parent, index + 1));
                pointer = $"{parent}/{index}";
                lines[pointer] = LineAt(reader.TokenStartIndex);
            }

            property = null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                path.Push((pointer, 0));
            }
        }

        return new JsonLineMap(lines);
    }

    /// <summary>The line (1-based) of the value at <paramref name="location"/>, or of its nearest ancestor present in the text.</summary>
    public int LineOf(string location)
    {
        while (true)
        {
            if (_lines.TryGetValue(location, out var line))
            {
                return line;
            }

            if (location.Length == 0)
            {
                return 1;
            }

            location = location[..location.LastIndexOf('/')];
        }
    }

    public static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
