namespace CrmBot.Proactive;

/// <summary>Section "Proactive": when the bot may speak first.</summary>
public sealed class ProactiveOptions
{
    public const string Section = "Proactive";

    /// <summary>From this local time of the recipient, proactive messages wait for the morning.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    /// <summary>The local time of the recipient when waiting messages go out.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);


    /// <summary>The local time of each rep when their daily digest arrives.</summary>
    public TimeOnly DailyDigestAt { get; set; } = new(8, 30);
}
