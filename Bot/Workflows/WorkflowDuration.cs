namespace CrmBot.Workflows;

/// <summary>A delay or a due time as a sales manager writes it: { "days": 1, "hours": 2 }.</summary>
public sealed record WorkflowDuration(int Days = 0, int Hours = 0, int Minutes = 0)
{
    public TimeSpan ToTimeSpan() => new(Days, Hours, Minutes, 0);

    public override string ToString() => ToTimeSpan().ToString(Days > 0 ? @"d\.hh\:mm" : @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
}
