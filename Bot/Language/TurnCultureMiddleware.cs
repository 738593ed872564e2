using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Language;

/// <summary>
/// Runs each turn in the culture of the activity's locale when CrmBot supports it (exactly, or by language:
/// en-GB is answered in en), else in the default culture; resources and recognizers then follow the user.
/// The culture is also kept in the turn state for code that runs outside the pipeline, such as OnTurnError.
/// </summary>
public sealed class TurnCultureMiddleware : IMiddleware
{
    private readonly CultureInfo _default;
    private readonly CultureInfo[] _supported;

    public TurnCultureMiddleware(IOptions<LanguageOptions> options)
    {
        _default = CultureInfo.GetCultureInfo(options.Value.DefaultCulture);
        _supported = [.. options.Value.SupportedCultures.Select(CultureInfo.GetCultureInfo)];
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var culture = CultureFor(turnContext.Activity.Locale);
        turnContext.TurnState.Set(culture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        await next(cancellationToken);
    }

    /// <summary>The supported culture for a locale; the locale comes from the client and is never parsed as a culture.</summary>
    public CultureInfo CultureFor(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return _default;
        }

        var language = locale.Split('-', '_')[0];
        return Array.Find(_supported, culture => culture.Name.Equals(locale, StringComparison.OrdinalIgnoreCase))
            ?? Array.Find(_supported, culture => culture.TwoLetterISOLanguageName.Equals(language, StringComparison.OrdinalIgnoreCase))
            ?? _default;
    }
}
