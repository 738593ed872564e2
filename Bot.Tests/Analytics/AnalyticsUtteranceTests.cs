using System.Globalization;
using CrmBot.Analytics;
using CrmBot.Domain.Analytics;
using CrmBot.Understanding;
using static CrmBot.Tests.Understanding.Recognition;

namespace CrmBot.Tests.Analytics;

/// <summary>How reps ask for their numbers, and the period each question names (the recogniser's clock: 25 November 2026).</summary>
public sealed class AnalyticsUtteranceTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("stats", Intent.Stats)]
    [InlineData("show me the statistics", Intent.Stats)]
    [InlineData("sales report", Intent.Stats)]
    [InlineData("how are sales this month?", Intent.Stats)]
    [InlineData("revenue this quarter", Intent.Revenue)]
    [InlineData("what's our revenue this year?", Intent.Revenue)]
    [InlineData("how much did we sell last month?", Intent.Revenue)]
    [InlineData("top customers", Intent.TopCustomers)]
    [InlineData("show me the top customers", Intent.TopCustomers)]
    [InlineData("who are our best customers?", Intent.TopCustomers)]
    [InlineData("who buys the most?", Intent.TopCustomers)]
    [InlineData("统计", Intent.Stats)]
    [InlineData("销售报表", Intent.Stats)]
    [InlineData("本季度收入", Intent.Revenue)]
    [InlineData("本季度营收", Intent.Revenue)]
    [InlineData("上个月营业额", Intent.Revenue)]
    [InlineData("top客户", Intent.TopCustomers)]
    [InlineData("最佳客户", Intent.TopCustomers)]
    [InlineData("查看最佳客户", Intent.TopCustomers)]
    [InlineData("谁买得最多", Intent.TopCustomers)]
    [InlineData("show customer alice@example.com", Intent.FindCustomer)]
    [InlineData("查找客户张三", Intent.FindCustomer)]
    public void RepsAskForTheirNumbersInTheirOwnWords(string utterance, Intent intent)
    {
        Assert.Equal(intent, Recognize(utterance, utterance.Any(c => c > 0x2E80) ? "zh-CN" : "en-US").Intent);
    }

    [Theory]
    [InlineData("revenue this quarter", "2026-10-01", "2026-12-31")]
    [InlineData("revenue last month", "2026-10-01", "2026-10-31")]
    [InlineData("revenue 2025", "2025-01-01", "2025-12-31")]
    [InlineData("revenue", "2026-10-01", "2026-12-31")]
    [InlineData("top customers", "2025-12-01", "2026-11-30")]
    [InlineData("stats", "2025-12-01", "2026-11-30")]
    public void TheRangeIsTheOneNamedOrASensibleDefault(string utterance, string from, string to)
    {
        var range = AnalyticsRequest.Of(Recognize(utterance)).Range(Today);

        Assert.Equal(new DateRange(Day(from), Day(to)), range);
    }

    [Theory]
    [InlineData("本季度收入", "2026-10-01", "2026-12-31")]
    [InlineData("上季度营收", "2026-07-01", "2026-09-30")]
    [InlineData("上个月营业额", "2026-10-01", "2026-10-31")]
    public void ChineseQuartersAndMonthsAreRead(string utterance, string from, string to)
    {
        var range = AnalyticsRequest.Of(Recognize(utterance, "zh-CN")).Range(Today);

        Assert.Equal(new DateRange(Day(from), Day(to)), range);
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
