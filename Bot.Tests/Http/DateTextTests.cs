using System.Globalization;
using CrmBot.Language;

namespace CrmBot.Tests.Http;

/// <summary>Dates in messages spell the month (or write 年月日) in the reader's culture, never the ambiguous 3/5/2026.</summary>
public sealed class DateTextTests
{
    private static readonly DateTime Afternoon = new(2026, 3, 5, 14, 30, 0, DateTimeKind.Unspecified);

    [Theory]
    [InlineData("en", "Mar 5, 2026 2:30 PM")]
    [InlineData("en-US", "Mar 5, 2026 2:30 PM")]
    [InlineData("zh-CN", "2026年3月5日 14:30")]
    public void ADateAndTimeReadsInTheCulturesMediumForm(string culture, string expected) =>
        // ICU puts a narrow no-break space before AM/PM.
        Assert.Equal(expected, DateText.DateAndTime(Afternoon, CultureInfo.GetCultureInfo(culture)).Replace('\u202F', ' '));

    [Fact]
    public void AMomentIsShownOnTheReadersClockInTheCurrentCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");

            Assert.Equal("2026年3月5日 22:30", DateText.At(new DateTimeOffset(Afternoon, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
