using CrmBot.Language;
using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace CrmBot.Dialogs;

/// <summary>
/// Asks for a date and time and reads it in the turn's language with Microsoft.Recognizers.Text ("tomorrow at
/// 10", "next Friday 3pm", "明天上午十点"), relative to now in the user's time zone: <see cref="PromptOptions.TimeZone"/>,
/// else a <see cref="TimeZoneInfo"/> in the turn state, else UTC. When the words fit several moments (10 am or
/// pm, last or next Friday) the first one still to come wins. A range counts by its start.
/// </summary>
public class DateTimePrompt(string dialogId, PromptValidator<ResolvedDateTime>? validator = null, TimeProvider? timeProvider = null)
    : Prompt<ResolvedDateTime>(dialogId, validator)
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "HH:mm:ss"];

    private readonly TimeProvider _clock = timeProvider ?? TimeProvider.System;

    protected override string RetryHint => DialogMessages.DateTimeRetry;

    protected override Task<PromptRecognizerResult<ResolvedDateTime>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(new PromptRecognizerResult<ResolvedDateTime>(false));
        }

        var zone = TimeZoneOf(turnContext, options);
        var now = TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), zone).DateTime;
        var culture = RecognizerCulture.Current;
        var resolved = RecognizerCulture.Invariantly(() => DateTimeRecognizer.RecognizeDateTime(text, culture, DateTimeOptions.None, now))
            .Select(result => Pick(Candidates(result, now), now))
            .FirstOrDefault(candidate => candidate is not null);
        return Task.FromResult(resolved is { } moment
            ? new PromptRecognizerResult<ResolvedDateTime>(true, new ResolvedDateTime(
                new DateTimeOffset(moment.Local, zone.GetUtcOffset(moment.Local)), moment.HasTime, moment.Timex))
            : new PromptRecognizerResult<ResolvedDateTime>(false));
    }

    private static TimeZoneInfo TimeZoneOf(ITurnContext turnContext, PromptOptions options) =>
        options.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone
        : turnContext.TurnState.Get<TimeZoneInfo>() ?? TimeZoneInfo.Utc;

    /// <summary>Every moment a recognized expression can mean, as local wall-clock times of the user.</summary>
    private static IEnumerable<Candidate> Candidates(ModelResult result, DateTime now)
    {
        if (result.Resolution?.GetValueOrDefault("values") is not IEnumerable<Dictionary<string, string>> values)
        {
            yield break;
        }

        foreach (var value in values)
        {
            var type = value.GetValueOrDefault("type") ?? "";
            var text = value.GetValueOrDefault("value") ?? value.GetValueOrDefault("start");
            if (text is null || !DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                continue;
            }

            var hasTime = type.Contains("time", StringComparison.Ordinal);
            if (type is "time" or "timerange")
            {
                // A time alone is the next time the clock shows it.
                local = now.Date + local.TimeOfDay;
                if (local < now)
                {
                    local = local.AddDays(1);
                }
            }

            yield return new Candidate(local, hasTime, value.GetValueOrDefault("timex") ?? "");
        }
    }

    /// <summary>The earliest moment still to come (a day counts until it ends); if all have passed, the latest.</summary>
    private static Candidate? Pick(IEnumerable<Candidate> candidates, DateTime now)
    {
        var all = candidates.OrderBy(candidate => candidate.Local).ToList();
        return all.FirstOrDefault(candidate => candidate.HasTime ? candidate.Local >= now : candidate.Local >= now.Date) ?? all.LastOrDefault();
    }

    private sealed record Candidate(DateTime Local, bool HasTime, string Timex);
}
