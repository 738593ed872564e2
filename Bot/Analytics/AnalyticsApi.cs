using CrmBot.Domain.Analytics;
using CrmBot.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBot.Analytics;

/// <summary>
/// The analytics figures as JSON and the charts as PNG. Every figure takes from and to (yyyy-MM-dd, both days included,
/// in the shop's time zone); without them, the last twelve months.
/// </summary>
public static class AnalyticsApi
{
    /// <summary>Maps the analytics endpoints under the group and returns their own group (for the API's authorisation).</summary>
    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var analytics = group.MapGroup("analytics").WithTags("Analytics");
        analytics.MapGet("customers", GetCustomersAsync);
        analytics.MapGet("orders", GetOrdersAsync);
        analytics.MapGet("revenue", GetRevenueAsync);
        analytics.MapGet("top-customers", GetTopCustomersAsync);
        analytics.MapGet("top-products", GetTopProductsAsync);
        analytics.MapGet("charts/{name}.png", GetChartAsync);
        return analytics;
    }

    public static async Task<Results<Ok<CustomerFigures>, ProblemHttpResult>> GetCustomersAsync(
        CustomerAnalytics customers, ShopCalendar calendar, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        Range(calendar, from, to, out var range) is { } problem ? problem : TypedResults.Ok(await customers.FiguresAsync(range, ct));

    public static async Task<Results<Ok<OrderFigures>, ProblemHttpResult>> GetOrdersAsync(
        OrderAnalytics orders, ShopCalendar calendar, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        Range(calendar, from, to, out var range) is { } problem ? problem : TypedResults.Ok(await orders.FiguresAsync(range, ct));

    public static async Task<Results<Ok<RevenueReport>, ProblemHttpResult>> GetRevenueAsync(
        OrderAnalytics orders, ShopCalendar calendar, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        Range(calendar, from, to, out var range) is { } problem ? problem : TypedResults.Ok(RevenueReport.Of(await orders.FiguresAsync(range, ct)));

    public static async Task<Results<Ok<IReadOnlyList<TopCustomer>>, ProblemHttpResult>> GetTopCustomersAsync(
        TopLists top, ShopCalendar calendar, DateOnly? from, DateOnly? to, int? count, CancellationToken ct) =>
        (Range(calendar, from, to, out var range) ?? Count(count)) is { } problem ? problem : TypedResults.Ok(await top.CustomersAsync(range, count, ct));

    public static async Task<Results<Ok<IReadOnlyList<TopProduct>>, ProblemHttpResult>> GetTopProductsAsync(
        TopLists top, ShopCalendar calendar, DateOnly? from, DateOnly? to, int? count, CancellationToken ct) =>
        (Range(calendar, from, to, out var range) ?? Count(count)) is { } problem ? problem : TypedResults.Ok(await top.ProductsAsync(range, count, ct));

    /// <summary>One of <see cref="AnalyticsCharts.Names"/> over the range, 800x450 pixels.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetChartAsync(
        string name, OrderAnalytics orders, CustomerAnalytics customers, TopLists top, AnalyticsCharts charts, ShopCalendar calendar,
        DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!AnalyticsCharts.Names.Contains(name))
        {
            return TypedResults.NotFound();
        }

        if (Range(calendar, from, to, out var range) is { } problem)
        {
            return problem;
        }

        var png = name switch
        {
            "revenue" => charts.Revenue(await orders.FiguresAsync(range, ct)),
            "orders-by-status" => charts.OrdersByStatus(await orders.FiguresAsync(range, ct)),
            "customers" => charts.Customers(await customers.FiguresAsync(range, ct)),
            _ => charts.TopCustomers(await top.CustomersAsync(range, ct: ct), range, (await orders.FiguresAsync(range, ct)).Currency),
        };
        return TypedResults.File(png, "image/png");
    }

    /// <summary>The range asked for (the last twelve months by default), or why it cannot be used.</summary>
    private static ProblemHttpResult? Range(ShopCalendar calendar, DateOnly? from, DateOnly? to, out DateRange range)
    {
        var lastYear = DateRange.LastTwelveMonths(calendar.Today);
        try
        {
            range = new DateRange(from ?? (to is { } end ? end.AddYears(-1).AddDays(1) : lastYear.From), to ?? lastYear.To);
            return null;
        }
        catch (DomainException error)
        {
            range = lastYear;
            return TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest, title: "The date range cannot be used");
        }
    }

    private static ProblemHttpResult? Count(int? count) =>
        count is null or (> 0 and <= 50) ? null : TypedResults.Problem("count must be between 1 and 50.", statusCode: StatusCodes.Status400BadRequest, title: "The count cannot be used");
}
