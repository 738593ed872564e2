using System.Globalization;
using System.Text;
using CrmBot.Domain.Insights;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>A rep's calls in today's plan as text, for the daily digest and "who should I call today?".</summary>
public sealed class CallPlanMessage(IStringLocalizer<CallPlanMessage> text, PurchaseScoreText scoreText)
{
    /// <param name="calls">The rep's calls; null when there is no plan yet (no purchase model).</param>
    public string Describe(IReadOnlyList<PlannedCall>? calls)
    {
        var message = new StringBuilder(calls switch { null => text["NoPlanYet"], [] => text["NoCalls"], _ => text["Calls"] });
        foreach (var call in calls ?? [])
        {
            var worth = call.ExpectedRevenue.ToString("N0", CultureInfo.CurrentCulture);
            message.Append('\n').Append(text["Call", call.Name, call.Phone ?? text["NoPhone"].Value, call.Score.Score, worth]);
            if (scoreText.Reasons(call.Score) is { Length: > 0 } reasons)
            {
                message.Append(text["CallReasons", reasons]);
            }
        }

        return message.ToString();
    }
}
