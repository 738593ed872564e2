using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CrmBot.Tests.Security;

/// <summary>
/// A request body a broken or hostile client posts: its text, the content type it claims (none when null) and the
/// encoding its bytes are really in. In the text, <see cref="HostileActivities.FreshId"/> stands for a new id on each
/// post (a replayed case is then not skipped as a channel's retry) and <see cref="HostileActivities.Caller"/> for the
/// id of the user posting.
/// </summary>
public sealed partial record HostileBody(string Text, string? ContentType = "application/json", string Encoding = "utf-8")
{
    private const int MaxPrinted = 4000;

    public HttpContent Content(string callerId)
    {
        var text = Text
            .Replace(HostileActivities.FreshId, Guid.NewGuid().ToString("N"), StringComparison.Ordinal)
            .Replace(HostileActivities.Caller, callerId, StringComparison.Ordinal);
        var content = new ByteArrayContent(System.Text.Encoding.GetEncoding(Encoding).GetBytes(text));
        if (ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        return content;
    }

    /// <summary>For failure messages: repeats folded (<c>x{×1048576}</c>, <c>{"a":{×3000}</c>), invisible characters escaped, cut at 4,000 characters.</summary>
    public override string ToString()
    {
        var text = Run().Replace(Text, run => $"{run.Groups[1].Value}{{×{run.Length / run.Groups[1].Length}}}");
        var printed = new StringBuilder($"[{ContentType ?? "no content type"}, {Encoding}, {Text.Length:N0} chars] ");
        foreach (var c in text.Length > MaxPrinted ? text[..MaxPrinted] : text)
        {
            _ = Visible(c) ? printed.Append(c) : printed.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }

        return text.Length > MaxPrinted ? printed.Append(" ...").ToString() : printed.ToString();
    }

    private static bool Visible(char c) =>
        c == ' ' || !(char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c)
            || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);

    [GeneratedRegex(@"(.{1,32}?)\1{4,}", RegexOptions.Singleline)]
    private static partial Regex Run();
}
