using CrmBot.Conversations;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Workflows;
using CrmBot.Workflows.Engine;
using Microsoft.Extensions.Localization;

namespace CrmBot.Workflows.Chat;

/// <summary>
/// Rules and runs in a few words of the turn's language, for reps: a rule's trigger, delay and actions, a run's
/// status, an action's result and its reason. (The ToString()s of the rule model stay English, for the console.)
/// </summary>
public sealed class WorkflowText(IStringLocalizer<WorkflowText> text, OrderTimelineMessage orders)
{
    /// <summary>"when an order ships: message the customer (OrderShipped)", with the delay when there is one.</summary>
    public string Rule(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var actions = List(definition.Actions.Select(Action));
        if (definition.Trigger is not { } trigger)
        {
            return actions;
        }

        return definition.Delay?.ToTimeSpan() is { } delay && delay > TimeSpan.Zero
            ? text["RuleDelayed", Trigger(trigger), Duration(delay), actions]
            : text["Rule", Trigger(trigger), actions];
    }

    public string Trigger(WorkflowTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return trigger.Type switch
        {
            WorkflowTriggerType.OrderInState => text["Trigger.OrderInState", orders.StatusName(trigger.Status ?? OrderStatus.Placed), trigger.Days ?? 0],
            WorkflowTriggerType.NoContact => text["Trigger.NoContact", trigger.Days ?? 0],
            WorkflowTriggerType.LikelihoodAbove or WorkflowTriggerType.LikelihoodBelow =>
                text[$"Trigger.{trigger.Type}", Math.Round((trigger.Threshold ?? 0) * 100)],
            WorkflowTriggerType.Schedule => text["Trigger.Schedule", trigger.Cron ?? string.Empty, Zone(trigger.TimeZone)],
            _ => text[$"Trigger.{trigger.Type}"],
        };
    }

    public string Action(WorkflowAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var message = action.Template ?? text["OwnText"];
        return action.Type switch
        {
            WorkflowActionType.CreateReminder when action.DueIn?.ToTimeSpan() is { } due && due > TimeSpan.Zero =>
                text["Action.CreateReminderDue", message, Duration(due)],
            WorkflowActionType.AssignRep => text["Action.AssignRep", text[$"Strategy.{action.Strategy ?? RepAssignment.RoundRobin}"]],
            WorkflowActionType.TagCustomer or WorkflowActionType.UntagCustomer => text[$"Action.{action.Type}", action.Tag ?? string.Empty],
            _ => text[$"Action.{action.Type}", message],
        };
    }

    public string Status(WorkflowRunStatus status) => text[$"Status.{status}"];

    public string Result(ActionResult result) => text[$"Result.{result}"];

    /// <summary>Why an action came out as it did, in words; empty for <see cref="ActionReason.None"/>.</summary>
    public string Reason(ActionReason reason) => reason == ActionReason.None ? string.Empty : text[$"Reason.{reason}"];

    public string Skipped(RunSkipReason reason) => text[$"Skipped.{reason}"];

    /// <summary>A span in the largest unit that states it exactly: "2 day(s)", "36 hour(s)", "90 minute(s)".</summary>
    public string Duration(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerDay == 0 ? text["Duration.Days", (int)span.TotalDays]
        : span.Ticks % TimeSpan.TicksPerHour == 0 ? text["Duration.Hours", (int)span.TotalHours]
        : text["Duration.Minutes", (int)span.TotalMinutes];

    /// <summary>The items as the language lists them: "a, b, c" or "a、b、c".</summary>
    public string List(IEnumerable<string> items) => string.Join(text["ListSeparator"].Value, items);

    private string Zone(string? zone) => zone switch
    {
        null or WorkflowTrigger.RecipientTimeZone => text["Zone.Recipient"],
        WorkflowTrigger.TeamTimeZone => text["Zone.Team"],
        _ => zone,
    };
}
