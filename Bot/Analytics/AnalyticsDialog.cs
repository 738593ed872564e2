using System.Globalization;
using System.Text;
using CrmBot.Conversations;
using CrmBot.Dialogs;
using CrmBot.Domain.Analytics;
using CrmBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;

namespace CrmBot.Analytics;

/// <summary>
/// "stats", "revenue this quarter", "top customers" (reps only): a short summary of the figures and their chart, sent
/// inline as a PNG data URI, which Web Chat and Teams show as an image.
/// </summary>
public sealed class AnalyticsDialog : ComponentDialog
{
    private readonly OrderAnalytics _orders;
    private readonly CustomerAnalytics _customers;
    private readonly TopLists _top;
    private readonly ShopCalendar _calendar;
    private readonly AnalyticsCharts _charts;
    private readonly RepOnly _repOnly;
    private readonly IStringLocalizer<AnalyticsDialog> _text;

    public AnalyticsDialog(
        OrderAnalytics orders, CustomerAnalytics customers, TopLists top, ShopCalendar calendar, AnalyticsCharts charts, RepOnly repOnly, IStringLocalizer<AnalyticsDialog> text)
        : base(nameof(AnalyticsDialog))
    {
        (_orders, _customers, _top, _calendar, _charts, _repOnly, _text) = (orders, customers, top, calendar, charts, repOnly, text);
        AddDialog(new WaterfallDialog("analytics", [ShowAsync]));
        InitialDialogId = "analytics";
    }

    public static Attachment Png(byte[] png, string name) => new()
    {
        ContentType = "image/png",
        ContentUrl = $"data:image/png;base64,{Convert.ToBase64String(png)}",
        Name = name,
    };

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (await _repOnly.RefusedAsync(step.Context, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        var request = step.Options as AnalyticsRequest ?? new AnalyticsRequest(AnalyticsView.Stats);
        var range = request.Range(_calendar.Today);
        var reply = request.View switch
        {
            AnalyticsView.Revenue => await RevenueAsync(range, ct),
            AnalyticsView.TopCustomers => await TopCustomersAsync(range, ct),
            _ => await StatsAsync(range, ct),
        };
        await step.Context.SendActivityAsync(reply, ct);
        return await step.EndDialogAsync(null, ct);
    }

    private async Task<IMessageActivity> RevenueAsync(DateRange range, CancellationToken ct)
    {
        var figures = await _orders.FiguresAsync(range, ct);
        var summary = _text["Revenue", Day(range.From), Day(range.To), figures.Revenue, figures.Paid, figures.Placed, figures.Refunded];
        return MessageFactory.Attachment(Png(_charts.Revenue(figures), "revenue.png"), summary);
    }

    private async Task<IMessageActivity> StatsAsync(DateRange range, CancellationToken ct)
    {
        var orders = await _orders.FiguresAsync(range, ct);
        var customers = await _customers.FiguresAsync(range, ct);
        var value = orders.AverageOrderValue;
        var summary = _text[
            "Stats",
            Day(range.From),
            Day(range.To),
            orders.Placed,
            orders.Paid,
            Percent(orders.Conversion),
            orders.Revenue,
            orders.Refunded,
            value.Mean?.ToString(CultureInfo.CurrentCulture) ?? _text["None"],
            value.StandardDeviation?.ToString(CultureInfo.CurrentCulture) ?? _text["None"],
            Percent(orders.RefundRate),
            customers.New,
            customers.Active,
            customers.Churned];
        return MessageFactory.Attachment(
            [Png(_charts.Revenue(orders), "revenue.png"), Png(_charts.Customers(customers), "customers.png")], summary);
    }

    private async Task<IMessageActivity> TopCustomersAsync(DateRange range, CancellationToken ct)
    {
        var top = await _top.CustomersAsync(range, ct: ct);
        var summary = new StringBuilder(top.Count == 0 ? _text["NoTopCustomers", Day(range.From), Day(range.To)] : _text["TopCustomers", Day(range.From), Day(range.To)]);
        foreach (var (customer, rank) in top.Select((c, i) => (c, i + 1)))
        {
            summary.Append('\n').Append(_text["TopCustomer", rank, customer.Name, customer.Revenue, customer.Orders]);
        }

        var currency = top.Count > 0 ? top[0].Revenue.Currency : (await _orders.FiguresAsync(range, ct)).Currency;
        return MessageFactory.Attachment(Png(_charts.TopCustomers(top, range, currency), "top-customers.png"), summary.ToString());
    }

    private static string Day(DateOnly day) => DateText.Date(day);

    private string Percent(double? ratio) => ratio?.ToString("P0", CultureInfo.CurrentCulture) ?? _text["None"];
}
