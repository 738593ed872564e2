using System.Globalization;
using CrmBot.Understanding;
using Microsoft.Extensions.Time.Testing;

namespace CrmBot.Tests.Understanding;

/// <summary>A recogniser at a fixed moment, Wednesday 25 November 2026 09:00 in Shanghai, and entities written as short text.</summary>
internal static class Recognition
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static UtteranceRecognizer Recognizer { get; } = UtteranceRecognizer.Create(Clock());

    public static FakeTimeProvider Clock()
    {
        var clock = new FakeTimeProvider(Now);
        clock.SetLocalTimeZone(Shanghai);
        return clock;
    }

    public static RecognitionResult Recognize(string? text, string locale = "en-US") =>
        Recognizer.Recognize(text, new RecognitionContext { Locale = locale });

    /// <summary>"orderNumber SO-10042", "money 20 CNY", "dateTime 2026-11-26T10:00:00+08:00" ...</summary>
    public static string Describe(RecognizedEntity entity) => entity switch
    {
        OrderNumberEntity e => $"orderNumber {e.Number}",
        EmailEntity e => $"email {e.Address}",
        PhoneNumberEntity e => $"phoneNumber {e.E164}",
        MoneyEntity e => $"money {e.Amount.ToString(CultureInfo.InvariantCulture)}{(e.Currency is null ? "" : " " + e.Currency)}",
        QuantityEntity e => $"quantity {e.Value}",
        NumberEntity e => $"number {e.Value.ToString(CultureInfo.InvariantCulture)}",
        DateTimeEntity e => $"dateTime {e.Resolved?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)}",
        PersonNameEntity e => $"personName {e.Name}",
        CarrierEntity e => $"carrier {e.Carrier}",
        TrackingNumberEntity e => $"trackingNumber {e.TrackingNumber}",
        _ => entity.GetType().Name,
    };

    public static string[] Entities(RecognitionResult result) => [.. result.Entities.Select(Describe)];
}
