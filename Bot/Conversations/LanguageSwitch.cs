using System.Collections.Concurrent;
using System.Globalization;
using CrmBot.Dialogs;
using CrmBot.Domain.Customers;
using CrmBot.Identity;
using CrmBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>
/// "English please", "说中文" and the like, at any point of a conversation: the rest of it is in that language. The
/// choice is remembered for the conversation and the user (<see cref="LanguageMemory"/>) and, for a signed-in
/// customer, on their record, so that their next conversation starts in it. The bot says so in the new language and
/// asks the question it was waiting on again, in that language; whatever the dialog had collected stays. Only a message
/// that is nothing but such a request counts: "do you have the Chinese edition?" is not one.
/// </summary>
public sealed class LanguageSwitch(
    SupportedCultures cultures, LanguageMemory memory, CustomerService customers, IStringLocalizer<LanguageSwitch> text)
{
    private static readonly (string Key, string Language)[] Requests = [("EnglishWords", "en"), ("ChineseWords", "zh")];

    // The resources never change while the process runs; a turn should not split them again.
    private static readonly ConcurrentDictionary<(string Key, string Culture), HashSet<string>> WordsCache = new();

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, Dialog root, IStatePropertyAccessor<DialogState> dialogState, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (Requested(turnContext.Activity.Text) is not { } culture)
        {
            return false;
        }

        var already = CultureInfo.CurrentUICulture.Name == culture.Name;
        TurnCultureMiddleware.Use(turnContext, culture);
        await memory.RememberAsync(turnContext, culture.Name, ct);
        if (turnContext.Caller() is { Role: CallerRole.Customer, Id: { } customerId } caller && caller.Language != culture.Name)
        {
            await customers.SetPreferredLanguageAsync(customerId, culture.Name, ct);
        }

        await turnContext.SendActivityAsync(text[already ? "AlreadySpeaking" : "Switched"], cancellationToken: ct);
        await root.RepromptAsync(turnContext, dialogState, ct);
        return true;
    }

    /// <summary>The supported culture a whole message asks for, in any of the supported languages.</summary>
    private CultureInfo? Requested(string? message)
    {
        // Such a request is a few words; anything longer is read as usual without looking.
        if (string.IsNullOrWhiteSpace(message) || message.Length > 40)
        {
            return null;
        }

        var said = Utterance.Normalize(message);
        foreach (var (key, language) in Requests)
        {
            if (cultures.Supported(language) is { } culture && cultures.All.Any(c => Words(key, c).Contains(said)))
            {
                return culture;
            }
        }

        return null;
    }

    private HashSet<string> Words(string key, CultureInfo language) => WordsCache.GetOrAdd((key, language.Name), _ =>
    {
        using (new CultureScope(language))
        {
            return [.. text[key].Value.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(Utterance.Normalize)];
        }
    });
}
