using CrmBot.Analytics;
using CrmBot.Identity;
using CrmBot.Tests.Conversations;
using Microsoft.Bot.Schema;
using SkiaSharp;

namespace CrmBot.Tests.Analytics;

/// <summary>
/// Reps ask for their numbers in chat; the test shop's clock stands at 15:31 UTC on March 31st 2026 (23:31 in Shanghai,
/// still the first quarter) a minute after <see cref="AnalyticsShop.MarchAsync"/>: revenue 90.00 CNY from two paid orders.
/// </summary>
public sealed class AnalyticsDialogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARepAskingForRevenueThisQuarterGetsTheTotalAndTheChart()
    {
        await using var host = await HostAsync();
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("revenue this quarter").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal("Revenue Jan 1, 2026 to Mar 31, 2026: 90.00 CNY from 2 paid orders (2 placed; 40.00 CNY refunded).", message.Text);
                AssertChart(Assert.Single(message.Attachments));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ARepAskingInChineseGetsTheSummaryInChinese()
    {
        await using var host = await HostAsync();
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller(), locale: "zh-CN")
            .Send("本季度收入").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.StartsWith("2026年1月1日 至 2026年3月31日 的收入：¥90.00", message.Text, StringComparison.Ordinal);
                AssertChart(Assert.Single(message.Attachments));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task AnotherPeriodNamedInTheQuestionIsHonoured()
    {
        await using var host = await HostAsync();
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("revenue last month").AssertReply(reply => Assert.StartsWith("Revenue Feb 1, 2026 to Feb 28, 2026: 0.00 CNY from 0 paid orders", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task StatsSummariseOrdersRevenueAndCustomersWithTwoCharts()
    {
        await using var host = await HostAsync();
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("stats").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                var text = message.Text.ReplaceLineEndings("\n");
                Assert.StartsWith("Numbers for Apr 1, 2025 to Mar 31, 2026:\n• Orders: 2 placed, 2 paid (100% converted)\n• Revenue: 90.00 CNY (refunded 40.00 CNY)", text, StringComparison.Ordinal);
                Assert.Contains("• Average order: 65.00 CNY (standard deviation 35.3553 CNY)", text, StringComparison.Ordinal);
                Assert.Contains("• Refund rate: 50%", text, StringComparison.Ordinal);
                Assert.Contains("• Customers: 2 new, 2 active, 0 churned", text, StringComparison.Ordinal);
                Assert.Equal(2, message.Attachments.Count);
                Assert.All(message.Attachments, AssertChart);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task TopCustomersAreListedByRevenue()
    {
        await using var host = await HostAsync();
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("top customers").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                // Bob's one paid order was refunded in full: he brought nothing.
                Assert.Equal("Top customers by revenue, Apr 1, 2025 to Mar 31, 2026:\n1. Alice: 90.00 CNY (paid orders: 1)", message.Text.ReplaceLineEndings("\n"));
                AssertChart(Assert.Single(message.Attachments));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ACustomerAskingForStatsGetsThePoliteRefusal()
    {
        await using var host = await HostAsync();

        await host.Flow(Caller.Customer(Guid.NewGuid(), "Alice"))
            .Send("revenue this quarter").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.StartsWith(RepArrangements.Refusal, message.Text, StringComparison.Ordinal);
                Assert.Empty(message.Attachments ?? []);
            })
            .StartTestAsync();
    }

    private static void AssertChart(Attachment attachment)
    {
        Assert.Equal("image/png", attachment.ContentType);
        const string Prefix = "data:image/png;base64,";
        Assert.StartsWith(Prefix, attachment.ContentUrl, StringComparison.Ordinal);
        using var bitmap = SKBitmap.Decode(Convert.FromBase64String(attachment.ContentUrl[Prefix.Length..]));
        Assert.Equal((AnalyticsCharts.Width, AnalyticsCharts.Height), (bitmap.Width, bitmap.Height));
    }

    private static async Task<ConversationTestHost> HostAsync()
    {
        var host = await ConversationTestHost.CreateAsync(Ct);
        await new AnalyticsShop(host.Database).MarchAsync(Ct);
        host.Database.Clock.Advance(TimeSpan.FromMinutes(1));
        return host;
    }
}
