using System.Globalization;
using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Language;

/// <summary>
/// Runs each turn in the supported culture of the activity's locale, else in the default culture; resources and
/// recognizers then follow the user. The culture is also kept in the turn state for code that runs outside the
/// pipeline, such as OnTurnError.
/// </summary>
public sealed class TurnCultureMiddleware(SupportedCultures cultures) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var culture = cultures.CultureFor(turnContext.Activity.Locale);
        turnContext.TurnState.Set(culture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        await next(cancellationToken);
    }
}
