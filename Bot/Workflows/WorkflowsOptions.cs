namespace CrmBot.Workflows;

/// <summary>Section "Workflows": where the sales workflows file is, and the engine's limits.</summary>
public sealed class WorkflowsOptions
{
    public const string Section = "Workflows";

    /// <summary>The workflows file, relative to the content root; without it the shipped default rules apply.</summary>
    public string File { get; set; } = "workflows.json";

    /// <summary>
    /// How old news may be: a customer message due longer ago than this is skipped, and an order-in-state trigger
    /// looks back this far past its N days (after a long stop the bot does not flood customers with stale news).
    /// </summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// The mass-send guard: when one pass of the engine would message more customers than this for one rule, those
    /// runs are held for a rep to release or discard instead of sending.
    /// </summary>
    public int MaxMessagesPerRun { get; set; } = 100;
}
