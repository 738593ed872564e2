namespace CrmBot.Domain.Persistence;

/// <summary>
/// SQL LIKE patterns that match what a user typed literally: its <c>%</c>, <c>_</c> and <c>\</c> escaped with
/// <see cref="EscapeCharacter"/>, to pass as the escape character of <c>EF.Functions.Like</c> or <c>ILike</c>.
/// </summary>
public static class LikePattern
{
    public const string EscapeCharacter = @"\";

    /// <summary>Matches any text that contains <paramref name="text"/>.</summary>
    public static string Containing(string text) => $"%{Escaped(text)}%";

    public static string Escaped(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
