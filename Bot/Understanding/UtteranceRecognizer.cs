using CrmBot.Language;
using System.Globalization;
using CrmBot.Domain.Common;
using CrmBot.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmBot.Understanding;

/// <summary>
/// The recogniser, a pipeline that needs no cloud service: the text is cleaned and capped, entity extractors
/// (Microsoft.Recognizers.Text in the turn's culture, plus patterns) find entities from the most specific to the
/// least, the intent classifiers score the text with those entities masked, and the best intent wins when it is
/// clear enough. A plain number then becomes an amount for money intents ("refund 20") or a quantity for orders.
/// </summary>
public sealed partial class UtteranceRecognizer(
    IOptions<CrmOptions> options,
    TimeProvider timeProvider,
    IEnumerable<IIntentClassifier> classifiers,
    ILogger<UtteranceRecognizer> logger) : IUtteranceRecognizer
{
    /// <summary>
    /// Characters read. Microsoft.Recognizers.Text's time grows faster than the text (measured: 2,000 digits take
    /// about 2 s in Chinese, 500 about 0.2 s), and chat messages rarely run past a few sentences.
    /// </summary>
    public const int MaxLength = 500;

    /// <summary>Below this score an intent is only a hint and the result is None.</summary>
    public const double Threshold = 0.5;

    /// <summary>Two intents closer than this are too close to call: the result is None, with both in <see cref="RecognitionResult.Intents"/>.</summary>
    public const double Margin = 0.1;

    private static readonly IEntityExtractor[] Extractors =
    [
        new EmailExtractor(),
        new OrderNumberExtractor(),
        new ShipmentExtractor(),
        new PhoneNumberExtractor(),
        new MoneyExtractor(),
        new DateTimeExtractor(),
        new PersonNameExtractor(),
        new NumberExtractor(),
    ];

    private readonly IIntentClassifier[] _classifiers = [.. classifiers];

    private readonly TimeZoneInfo _shopTimeZone = TimeZoneInfo.TryFindSystemTimeZoneById(options.Value.DefaultTimeZone, out var zone)
        ? zone
        : timeProvider.LocalTimeZone;

    /// <summary>The keyword rules alone, the shop's defaults for phone region and currency, and no logging: for the command line and tests.</summary>
    public static UtteranceRecognizer Create(TimeProvider? timeProvider = null, CrmOptions? crmOptions = null) =>
        new(Options.Create(crmOptions ?? new CrmOptions()), timeProvider ?? TimeProvider.System, [new RuleIntentClassifier()], NullLogger<UtteranceRecognizer>.Instance);

    public RecognitionResult Recognize(string? text, RecognitionContext? context = null)
    {
        context ??= new RecognitionContext();
        var clean = CleanText.From(text, MaxLength);
        var (code, cultureName) = RecognizerCulture.For(context.Locale ?? CultureInfo.CurrentCulture.Name);
        var zone = context.TimeZone ?? _shopTimeZone;
        var localNow = TimeZoneInfo.ConvertTime(context.Now ?? timeProvider.GetUtcNow(), zone).DateTime;
        var draft = new EntityDraft(clean.Text, code, localNow, zone, options.Value.DefaultRegion, options.Value.DefaultCurrency);
        if (clean.Text.Length > 0)
        {
            Extract(draft);
        }

        var entities = draft.Entities.OrderBy(entity => entity.Position).ToList();
        var utterance = new Utterance(clean.Text, Utterance.Mask(clean.Text, entities), cultureName, entities);
        var ranked = Classify(utterance);
        var (intent, score) = Decide(ranked);
        return new RecognitionResult
        {
            Text = clean.Text,
            Culture = cultureName,
            Intent = intent,
            Score = Math.Round(score, 2),
            Intents = [.. ranked.Where(candidate => candidate.Score >= 0.3).Take(5).Select(candidate => candidate with { Score = Math.Round(candidate.Score, 2) })],
            Entities = Reinterpret(intent, entities),
            Truncated = clean.Truncated,
            OriginalLength = clean.OriginalLength,
        };
    }

    /// <summary>Reads the sample sentences once in each culture, so the first user does not wait for the models to load (about a second).</summary>
    public void WarmUp(IEnumerable<string> locales)
    {
        ArgumentNullException.ThrowIfNull(locales);
        foreach (var locale in locales)
        {
            var chinese = RecognizerCulture.IsChinese(RecognizerCulture.For(locale).Code);
            Recognize(
                chinese ? "明天上午十点提醒我给张三打电话，SO-10042退款20元，三个杯子，13800138000" : "remind me tomorrow at 10 to refund $5 on SO-10042 for 3 mugs, 138 0013 8000 or alice@example.com",
                new RecognitionContext { Locale = locale });
        }
    }

    /// <summary>Runs the extractors in the invariant culture (see <see cref="RecognizerCulture.Invariantly{T}"/>).</summary>
    private void Extract(EntityDraft draft) => RecognizerCulture.Invariantly(() =>
    {
        foreach (var extractor in Extractors)
        {
            Run(extractor.GetType().Name, () => extractor.Extract(draft));
        }

        return draft;
    });

    /// <summary>Every classifier's scores, the best per intent, best first.</summary>
    private List<IntentScore> Classify(Utterance utterance)
    {
        var best = new Dictionary<Intent, double>();
        foreach (var classifier in _classifiers)
        {
            Run(classifier.GetType().Name, () =>
            {
                foreach (var (intent, score) in classifier.Classify(utterance))
                {
                    if (intent != Intent.None && score > best.GetValueOrDefault(intent))
                    {
                        best[intent] = Math.Clamp(score, 0, 1);
                    }
                }
            });
        }

        return [.. best.Select(pair => new IntentScore(pair.Key, pair.Value)).OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Intent)];
    }

    private static (Intent Intent, double Score) Decide(List<IntentScore> ranked) => ranked switch
    {
        [] => (Intent.None, 0),
        [var top, ..] when top.Score < Threshold => (Intent.None, top.Score),
        [var top, var second, ..] when top.Score - second.Score < Margin - 1e-9 => (Intent.None, top.Score - second.Score),
        [var top, ..] => (top.Intent, top.Score),
    };

    /// <summary>A plain number is the amount of a refund or payment ("refund 20 on SO-10042") and the quantity of an order ("I want 3").</summary>
    private static List<RecognizedEntity> Reinterpret(Intent intent, List<RecognizedEntity> entities)
    {
        var number = entities.OfType<NumberEntity>().FirstOrDefault(n => n.Value > 0);
        RecognizedEntity? replacement = intent switch
        {
            Intent.RefundOrder or Intent.RecordPayment when number is not null && !entities.OfType<MoneyEntity>().Any() && number.Value <= Money.MaxAmount =>
                new MoneyEntity { Text = number.Text, Position = number.Position, Amount = decimal.Round(number.Value, Money.MaxDecimals) },
            Intent.PlaceOrder when number is { Value: <= 100_000 } && number.Value == decimal.Truncate(number.Value) && !entities.OfType<QuantityEntity>().Any() =>
                new QuantityEntity { Text = number.Text, Position = number.Position, Value = (int)number.Value },
            _ => null,
        };
        return replacement is null ? entities : [.. entities.Select(entity => ReferenceEquals(entity, number) ? replacement : entity)];
    }

    /// <summary>
    /// A step that fails (a recogniser bug, a pattern timing out on pathological input) costs its own entities or
    /// scores, not the turn: the user still gets an answer, and the failure is logged.
    /// </summary>
    private void Run(string step, Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogStepFailed(logger, exception.Redacted(), step);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recognising an utterance: {Step} failed; its entities or scores are left out")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string step);
}
