using System.Globalization;
using CrmBot.Domain.Insights;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>
/// A purchase score as a rep reads it: "72/100 within 30 days", what raised and lowered it in plain words
/// ("3 orders in the last 90 days", "no order for 142 days"), and whether it is only the RFM estimate.
/// </summary>
public sealed class PurchaseScoreText(IStringLocalizer<PurchaseScoreText> text)
{
    public string Headline(PurchaseScore score, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.FromBaseline ? text["HeadlineRfm", score.Score, horizonDays] : text["Headline", score.Score, horizonDays];
    }

    /// <summary>"Raised by ...; lowered by ...", or empty when nothing stood out.</summary>
    public string Reasons(PurchaseScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var up = score.Factors.Where(f => f.Contribution > 0).Select(Phrase).ToList();
        var down = score.Factors.Where(f => f.Contribution < 0).Select(Phrase).ToList();
        var parts = new List<string>();
        if (up.Count > 0)
        {
            parts.Add(text["RaisedBy", string.Join(text["ListSeparator"], up)]);
        }

        if (down.Count > 0)
        {
            parts.Add(text["LoweredBy", string.Join(text["ListSeparator"], down)]);
        }

        return string.Join(text["PartSeparator"], parts);
    }

    public string Phrase(ScoreFactor factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        var value = factor.Feature switch
        {
            nameof(CustomerFeatures.SpendLast90Days) or nameof(CustomerFeatures.SpendLast365Days) or nameof(CustomerFeatures.AverageOrderValue) =>
                factor.Value.ToString("N0", CultureInfo.CurrentCulture),
            nameof(CustomerFeatures.OrderTrend) => Math.Round(factor.Value).ToString("+0;-0;0", CultureInfo.CurrentCulture),
            _ => Math.Round(factor.Value).ToString(CultureInfo.CurrentCulture),
        };
        return text[$"Factor.{factor.Feature}", value];
    }
}
