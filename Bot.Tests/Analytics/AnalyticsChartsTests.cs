using System.Globalization;
using CrmBot.Analytics;
using CrmBot.Conversations;
using CrmBot.Domain.Analytics;
using CrmBot.Domain.Orders;
using CrmBot.Language;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static CrmBot.Tests.Analytics.AnalyticsShop;

namespace CrmBot.Tests.Analytics;

public sealed class AnalyticsChartsTests
{
    private static readonly DateRange MarchAndApril = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30));

    private static readonly OrderFigures Orders = new(
        MarchAndApril,
        "CNY",
        Placed: 3,
        Paid: 2,
        RefundedOrders: 0,
        Cny(130),
        Cny(0),
        Cny(130),
        Conversion: 2 / 3.0,
        RefundRate: 0,
        new OrderValueStatistics(2, Cny(65), 50m, Cny(7.0711m)),
        [new MonthlyOrders(new DateOnly(2026, 3, 1), 1, 1, Cny(60)), new MonthlyOrders(new DateOnly(2026, 4, 1), 2, 1, Cny(70))],
        [new StatusOrders(OrderStatus.Placed, 1, Cny(25)), new StatusOrders(OrderStatus.Paid, 2, Cny(130))]);

    private static readonly OrderFigures NoOrders = Orders with
    {
        Placed = 0,
        Paid = 0,
        Months = [new MonthlyOrders(new DateOnly(2026, 3, 1), 0, 0, Cny(0)), new MonthlyOrders(new DateOnly(2026, 4, 1), 0, 0, Cny(0))],
        Statuses = [],
    };

    private static readonly CustomerFigures Customers = new(
        MarchAndApril,
        Utc(4, 30, 16),
        90,
        180,
        Customers: 5,
        New: 3,
        Active: 2,
        Churned: 1,
        [new MonthlyCustomers(new DateOnly(2026, 3, 1), 2, 0), new MonthlyCustomers(new DateOnly(2026, 4, 1), 1, 1)]);

    private static readonly TopCustomer[] Top =
    [
        new(Guid.NewGuid(), "Alice", 2, Cny(160)),
        new(Guid.NewGuid(), "张三", 1, Cny(120)),
        new(Guid.NewGuid(), "Bob", 3, Cny(65)),
    ];

    public static TheoryData<string> Cultures => ["en-US", "zh-CN"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryChartIsAPngOfTheFixedSize(string culture)
    {
        var charts = Charts();
        using var scope = new CultureScope(CultureInfo.GetCultureInfo(culture));

        byte[][] images = [charts.Revenue(Orders), charts.OrdersByStatus(Orders), charts.TopCustomers(Top, MarchAndApril, "CNY"), charts.Customers(Customers)];

        Assert.All(images, AssertPng);
    }

    [Fact]
    public void ChartsOfAnEmptyRangeStillRenderWithANoDataNote()
    {
        var charts = Charts();

        byte[][] images =
        [
            charts.Revenue(NoOrders),
            charts.OrdersByStatus(NoOrders),
            charts.TopCustomers([], MarchAndApril, "CNY"),
            charts.Customers(Customers with { Months = [new MonthlyCustomers(new DateOnly(2026, 3, 1), 0, 0)] }),
        ];

        Assert.All(images, AssertPng);
        Assert.NotEqual(images[0], charts.Revenue(Orders));
    }

    [Fact]
    public void LatinTextCanAlwaysBeDrawn()
    {
        Assert.True(ChartFonts.CanDraw("Revenue per month, 3/1/2026 to 4/30/2026"));
    }

    private static void AssertPng(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((AnalyticsCharts.Width, AnalyticsCharts.Height), (bitmap.Width, bitmap.Height));
    }

    private static AnalyticsCharts Charts()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().AddSingleton<OrderTimelineMessage>().AddSingleton<AnalyticsCharts>().BuildServiceProvider();
        return services.GetRequiredService<AnalyticsCharts>();
    }
}
