using System.Diagnostics;
using CrmBot.Language;
using Microsoft.Extensions.Options;

namespace CrmBot.Understanding;

/// <summary>
/// Loads the recognisers' models for the default and supported cultures in the background when the bot starts:
/// the first recognition in a culture otherwise takes about a second (measured here: 0.5 s for English, 0.8 s for
/// Chinese, most of it the date-time model).
/// </summary>
internal sealed partial class RecognizerWarmUp(UtteranceRecognizer recognizer, IOptions<LanguageOptions> language, ILogger<RecognizerWarmUp> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            var locales = language.Value.SupportedCultures.Prepend(language.Value.DefaultCulture).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var stopwatch = Stopwatch.StartNew();
            recognizer.WarmUp(locales);
            LogWarmedUp(logger, locales, stopwatch.ElapsedMilliseconds);
        },
        stoppingToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recognisers loaded for {Locales} in {Milliseconds} ms")]
    private static partial void LogWarmedUp(ILogger logger, IReadOnlyList<string> locales, long milliseconds);
}
