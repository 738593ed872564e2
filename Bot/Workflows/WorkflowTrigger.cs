using System.Text.Json.Serialization;
using CrmBot.Domain.Orders;

namespace CrmBot.Workflows;

/// <summary>A trigger and its parameters; which ones a type needs is in the schema (workflows.schema.json).</summary>
public sealed record WorkflowTrigger(WorkflowTriggerType Type)
{
    [JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
    public OrderStatus? Status { get; init; }

    public int? Days { get; init; }

    /// <summary>A purchase likelihood, 0 to 1.</summary>
    public double? Threshold { get; init; }

    /// <summary>Five-field cron (minute hour day-of-month month day-of-week).</summary>
    public string? Cron { get; init; }

    /// <summary><see cref="RecipientTimeZone"/>, <see cref="TeamTimeZone"/> or an IANA zone id; the recipient's by default.</summary>
    public string? TimeZone { get; init; }

    public const string RecipientTimeZone = "recipient";

    public const string TeamTimeZone = "team";

    /// <summary>The trigger in a few words, as the workflows command lists it.</summary>
    public override string ToString() => Type switch
    {
        WorkflowTriggerType.OrderInState => $"order {Status} for {Days} day(s)",
        WorkflowTriggerType.LikelihoodAbove => $"likelihood rises to {Threshold:0.##} or more",
        WorkflowTriggerType.LikelihoodBelow => $"likelihood falls below {Threshold:0.##}",
        WorkflowTriggerType.NoContact => $"no contact for {Days} day(s)",
        WorkflowTriggerType.Schedule => $"schedule '{Cron}' ({TimeZone ?? RecipientTimeZone} time)",
        _ => WorkflowJson.Name(Type),
    };
}
