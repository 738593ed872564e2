using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using System.Text;

namespace CrmBot.Dialogs;

/// <summary>
/// The engine's sentences and keywords (DialogMessages.resx and its translations), in the turn's UI culture.
/// Dialogs built on the engine take theirs from IStringLocalizer; the engine's own need no services.
/// </summary>
internal static class DialogMessages
{
    private static readonly ResourceManager Resources = new(typeof(DialogMessages));

    public static string RestartAfterUpdate => Get();

    public static string Cancelled => Get();

    public static string GeneralHelp => Get();

    public static string TooManyAttempts => Get();

    public static string TextRetry => Get();

    public static string NumberRetry => Get();

    public static string ConfirmRetry => Get();

    public static string ChoiceRetry => Get();

    public static string DateTimeRetry => Get();

    public static string Yes => Get();

    public static string No => Get();

    public static IReadOnlySet<string> YesWords => Words();

    public static IReadOnlySet<string> NoWords => Words();

    public static IReadOnlySet<string> HelpWords => Words();

    public static IReadOnlySet<string> CancelWords => Words();

    public static IReadOnlySet<string> MenuWords => Words();

    /// <summary>A retry: what went wrong, then the question again.</summary>
    public static string Retry(string hint, string? question) =>
        string.IsNullOrWhiteSpace(question) ? hint : string.Format(CultureInfo.CurrentCulture, CompositeFormat.Parse(Get("RetryFormat")), hint, question);

    private static string Get([CallerMemberName] string name = "") =>
        Resources.GetString(name, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"DialogMessages has no '{name}'.");

    /// <summary>
    /// The keywords of the turn's language and the neutral (English) ones: English commands work in every
    /// language, since people often type them anyway. Compared as <see cref="Utterance.Normalize"/> leaves text.
    /// </summary>
    private static HashSet<string> Words([CallerMemberName] string name = "")
    {
        var local = Resources.GetString(name, CultureInfo.CurrentUICulture) ?? "";
        var neutral = Resources.GetString(name, CultureInfo.InvariantCulture) ?? "";
        return [.. $"{local}|{neutral}".Split('|', StringSplitOptions.RemoveEmptyEntries).Select(Utterance.Normalize)];
    }
}
