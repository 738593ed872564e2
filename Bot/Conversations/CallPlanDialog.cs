using CrmBot.Dialogs;
using CrmBot.Domain.Insights;
using CrmBot.Identity;

namespace CrmBot.Conversations;

/// <summary>"Who should I call today?" (reps only): the rep's part of today's team call plan, the most valuable call first.</summary>
public sealed class CallPlanDialog : ComponentDialog
{
    private readonly CallPlanService _plans;
    private readonly CallPlanMessage _message;
    private readonly RepOnly _repOnly;

    public CallPlanDialog(CallPlanService plans, CallPlanMessage message, RepOnly repOnly)
        : base(nameof(CallPlanDialog))
    {
        _plans = plans;
        _message = message;
        _repOnly = repOnly;
        AddDialog(new WaterfallDialog("callPlan", [ShowAsync]));
        InitialDialogId = "callPlan";
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (await _repOnly.RefusedAsync(step.Context, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        var plan = await _plans.TodayAsync(ct);
        var mine = plan is null ? null : plan.GetValueOrDefault(step.Context.Caller().Id!.Value) ?? [];
        await step.Context.SendActivityAsync(_message.Describe(mine), cancellationToken: ct);
        return await step.EndDialogAsync(null, ct);
    }
}
