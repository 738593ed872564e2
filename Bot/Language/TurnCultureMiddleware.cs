using System.Globalization;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Language;

/// <summary>
/// Runs each turn in the user's language: the one they asked for in this conversation or an earlier one
/// (<see cref="LanguageMemory"/>), else a signed-in customer's preferred language (read with the caller, so it costs
/// no query), else the supported culture of the activity's locale (Web Chat and Teams send it), else the default
/// culture. Resources and recognizers then follow the user. The culture is also kept in the turn state for code that
/// runs outside the pipeline, such as OnTurnError. Runs after the caller is known.
/// </summary>
public sealed class TurnCultureMiddleware(SupportedCultures cultures, LanguageMemory memory) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        // Proactive turns (continuations) are not the user's: they choose the language of what they send themselves.
        var chosen = turnContext.Activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.Invoke
            ? await memory.ChosenAsync(turnContext, cancellationToken)
            : null;
        Use(turnContext, cultures.Supported(chosen) ?? cultures.Supported(turnContext.Caller().Language) ?? cultures.CultureFor(turnContext.Activity.Locale));
        using (TranslatableText.Record(cultures.All))
        {
            await next(cancellationToken);
        }
    }

    /// <summary>Runs the rest of the turn in <paramref name="culture"/>.</summary>
    public static void Use(ITurnContext turnContext, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Set(culture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
