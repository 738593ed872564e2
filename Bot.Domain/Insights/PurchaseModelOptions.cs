namespace CrmBot.Domain.Insights;

/// <summary>Section "Insights": what the purchase model predicts and from how much history.</summary>
public sealed class PurchaseModelOptions
{
    public const string Section = "Insights";

    /// <summary>The model answers: will this customer place an order within this many days?</summary>
    public int HorizonDays { get; set; } = 30;

    /// <summary>Monthly snapshots the model learns from (the latest one also judges the candidates).</summary>
    public int Snapshots { get; set; } = 12;

    /// <summary>A customer someone spoke to this recently is left out of the call plan.</summary>
    public int MinDaysBetweenCalls { get; set; } = 7;

    public TimeSpan Horizon => TimeSpan.FromDays(HorizonDays);
}
