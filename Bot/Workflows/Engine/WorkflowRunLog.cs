using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// What a run did, kept in its row (WorkflowRun.Log): each condition with the value it found, each action with its
/// outcome and reason. Reasons are codes, so that the bot can explain a run in the language of whoever asks.
/// </summary>
public sealed record WorkflowRunLog(IReadOnlyList<ConditionOutcome> Conditions, IReadOnlyList<ActionOutcome> Actions)
{
    public static readonly WorkflowRunLog Empty = new([], []);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Why the run as a whole did nothing, when it did nothing.</summary>
    public RunSkipReason? Skipped { get; init; }

    [JsonIgnore]
    public bool ConditionsHeld => Conditions.All(c => c.Held);

    /// <summary>The outcome recorded last for action <paramref name="index"/>, or null when it has not run yet.</summary>
    public ActionOutcome? Of(int index) => Actions.LastOrDefault(a => a.Index == index);

    /// <summary>This log with <paramref name="outcome"/> replacing what was recorded for its action before.</summary>
    public WorkflowRunLog With(ActionOutcome outcome) =>
        this with { Actions = [.. Actions.Where(a => a.Index != outcome.Index), outcome] };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static WorkflowRunLog Parse(string? json) =>
        string.IsNullOrEmpty(json) ? Empty : JsonSerializer.Deserialize<WorkflowRunLog>(json, Json) ?? Empty;
}

/// <summary>A condition as evaluated: its text (field, operator, value), what the field held, and whether it held.</summary>
public sealed record ConditionOutcome(string Condition, string? Actual, bool Held);

/// <summary>What became of one action of the rule (by its position), when.</summary>
public sealed record ActionOutcome(int Index, string Action, ActionResult Result, ActionReason Reason, DateTimeOffset At)
{
    /// <summary>An error message, the reminder's or the rep's id: whatever makes the reason precise.</summary>
    public string? Detail { get; init; }
}

public enum ActionResult
{
    Done,
    Skipped,

    /// <summary>Not done yet, tried again later (quiet hours, a failed send being retried).</summary>
    Waiting,
    Failed,
}

public enum ActionReason
{
    None,

    /// <summary>The customer has not agreed to proactive messages.</summary>
    NoConsent,

    /// <summary>The customer (or rep) never talked to the bot: there is no conversation to write into.</summary>
    NoConversation,
    QuietHours,

    /// <summary>The run fell due too long ago (Workflows:Lookback): old news is not sent.</summary>
    Stale,

    /// <summary>The channel refused the message; retried by the delivery ledger's back-off.</summary>
    SendFailed,

    /// <summary>Maybe sent by a process that stopped: never sent twice.</summary>
    Uncertain,

    /// <summary>The customer has no rep to notify or remind.</summary>
    NoRep,

    /// <summary>There are no reps to assign or notify.</summary>
    NoReps,

    /// <summary>The customer already had (or did not have) the tag, or already had a rep.</summary>
    NothingToChange,
}

public enum RunSkipReason
{
    /// <summary>A condition did not hold when the run fell due.</summary>
    Conditions,

    /// <summary>The rule is no longer in the workflows (removed, turned off, or now invalid).</summary>
    RuleGone,

    /// <summary>A rep discarded the held run.</summary>
    Discarded,

    /// <summary>The order or customer it was about is gone (erased, or the order no longer exists).</summary>
    SubjectGone,
}
