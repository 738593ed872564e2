using System.Globalization;
using CrmBot.Conversations;
using CrmBot.Domain.Analytics;
using CrmBot.Language;
using Microsoft.Extensions.Localization;
using ScottPlot;

namespace CrmBot.Analytics;

/// <summary>
/// The analytics charts as PNG images of a fixed size, titled in the current UI culture. Where no installed font draws
/// that culture's letters (a server without CJK fonts), a chart is labelled in English instead, and a customer whose
/// name cannot be drawn appears by their rank (the text beside the chart lists the names).
/// </summary>
public sealed class AnalyticsCharts(IStringLocalizer<AnalyticsCharts> text, OrderTimelineMessage orders)
{
    public const int Width = 800;
    public const int Height = 450;

    /// <summary>The chart names of the HTTP API (analytics/charts/{name}.png).</summary>
    public static readonly IReadOnlyList<string> Names = ["revenue", "orders-by-status", "top-customers", "customers"];

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    public byte[] Revenue(OrderFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Render("RevenueTitle", figures.Range, [], plot =>
        {
            plot.YLabel(text["RevenueAxis", figures.Currency]);
            var values = figures.Months.Select(m => (double)m.Revenue.Amount).ToList();
            return AddColumns(plot, values, [.. figures.Months.Select(MonthLabel)]);
        });
    }

    public byte[] OrdersByStatus(OrderFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Render("StatusTitle", figures.Range, [], plot =>
        {
            plot.YLabel(text["OrdersAxis"]);
            CountsOn(plot.Axes.Left);
            var values = figures.Statuses.Select(s => (double)s.Orders).ToList();
            return AddColumns(plot, values, [.. figures.Statuses.Select(s => orders.StatusName(s.Status))]);
        });
    }

    public byte[] TopCustomers(IReadOnlyList<TopCustomer> customers, DateRange range, string currency)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var names = customers.Select((c, i) => ChartFonts.CanDraw(c.Name) ? c.Name : $"#{i + 1}").ToArray();
        return Render("TopCustomersTitle", range, names, plot =>
        {
            plot.XLabel(text["RevenueAxis", currency]);
            if (customers.Count == 0)
            {
                return false;
            }

            // The best customer on top: positions count down.
            var bars = plot.Add.Bars(customers.Select((c, i) => new Bar { Position = customers.Count - 1 - i, Value = (double)c.Revenue.Amount }).ToList());
            bars.Horizontal = true;
            plot.Axes.Left.SetTicks([.. Enumerable.Range(0, customers.Count).Select(i => (double)(customers.Count - 1 - i))], names);
            plot.Axes.Margins(left: 0);
            return true;
        });
    }

    public byte[] Customers(CustomerFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Render("CustomersTitle", figures.Range, [], plot =>
        {
            plot.YLabel(text["CustomersAxis"]);
            CountsOn(plot.Axes.Left);
            if (figures.Months.All(m => m.New == 0 && m.Churned == 0))
            {
                return false;
            }

            var (joined, churned) = (Palette.GetColor(0), Palette.GetColor(3));
            var bars = figures.Months.SelectMany((m, i) => new[]
            {
                new Bar { Position = i * 3, Value = m.New, FillColor = joined },
                new Bar { Position = (i * 3) + 1, Value = m.Churned, FillColor = churned },
            });
            plot.Add.Bars(bars.ToList());
            plot.Axes.Bottom.SetTicks([.. figures.Months.Select((_, i) => (i * 3) + 0.5)], [.. figures.Months.Select(MonthLabel)]);
            plot.Axes.Margins(bottom: 0);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = text["NewLegend"], FillColor = joined });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = text["ChurnedLegend"], FillColor = churned });
            plot.ShowLegend(Alignment.UpperRight);
            return true;
        });
    }

    private static string MonthLabel(MonthlyOrders month) => MonthLabel(month.Month);

    private static string MonthLabel(MonthlyCustomers month) => MonthLabel(month.Month);

    private static string MonthLabel(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static void CountsOn(IAxis axis) => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>Bars standing on the x axis, one a label; false (nothing drawn) when all are zero.</summary>
    private static bool AddColumns(Plot plot, List<double> values, string[] labels)
    {
        if (values.All(v => v == 0))
        {
            return false;
        }

        plot.Add.Bars(values.Select((v, i) => new Bar { Position = i, Value = v }).ToList());
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, values.Count).Select(i => (double)i)], labels);
        plot.Axes.Margins(bottom: 0);
        return true;
    }

    /// <summary>
    /// A chart titled by <paramref name="titleKey"/> with the range; <paramref name="draw"/> adds the data, false when
    /// there was none. <paramref name="names"/> are the data's own labels (customer names), drawn in the same font.
    /// </summary>
    private byte[] Render(string titleKey, DateRange range, IReadOnlyList<string> names, Func<Plot, bool> draw)
    {
        var title = text[titleKey, DateText.Date(range.From), DateText.Date(range.To)];
        using var english = ChartFonts.CanDraw(title) ? (IDisposable?)null : new CultureScope(English);
        if (english is not null)
        {
            title = text[titleKey, DateText.Date(range.From, English), DateText.Date(range.To, English)];
        }

        using var plot = new Plot();
        plot.Title(title);
        if (!draw(plot))
        {
            plot.Axes.SetLimits(0, 1, 0, 1);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            plot.HideGrid();
            plot.Add.Annotation(text["NoData"], Alignment.MiddleCenter);
        }

        // One font for all the text: sans-serif, or one that also has the title's and the names' letters (a CJK font).
        plot.Font.Set(ChartFonts.FamilyFor(title + string.Concat(names)) ?? ChartFonts.FamilyFor(title) ?? Fonts.Sans);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
