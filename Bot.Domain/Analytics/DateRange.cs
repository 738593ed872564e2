using System.Globalization;
using CrmBot.Domain.Common;

namespace CrmBot.Domain.Analytics;

/// <summary>
/// Whole days from <see cref="From"/> to <see cref="To"/>, both included, on the shop's calendar (see <see cref="ShopCalendar"/>):
/// a figure over March counts what happened from March 1st 00:00 to April 1st 00:00 in the shop's time zone.
/// </summary>
public sealed record DateRange
{
    /// <summary>Ten years: the monthly series stay small enough to draw and send.</summary>
    public const int MaxDays = 3661;

    public DateRange(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new DomainException("analytics.range", $"The range ends ({Text(to)}) before it starts ({Text(from)}).");
        }

        if (to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw new DomainException("analytics.range_too_long", $"A range of analytics is at most ten years; {Text(from)} to {Text(to)} is longer.");
        }

        (From, To) = (from, to);
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>The first day of every month the range touches, in order.</summary>
    public IReadOnlyList<DateOnly> Months
    {
        get
        {
            var months = new List<DateOnly>();
            for (var month = FirstOfMonth(From); month <= To; month = month.AddMonths(1))
            {
                months.Add(month);
            }

            return months;
        }
    }

    public static DateRange Month(DateOnly day) => new(FirstOfMonth(day), FirstOfMonth(day).AddMonths(1).AddDays(-1));

    public static DateRange Quarter(DateOnly day)
    {
        var first = new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);
        return new(first, first.AddMonths(3).AddDays(-1));
    }

    public static DateRange Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>This month and the eleven before it.</summary>
    public static DateRange LastTwelveMonths(DateOnly today) => new(FirstOfMonth(today).AddMonths(-11), Month(today).To);

    public static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    public override string ToString() => $"{Text(From)}..{Text(To)}";

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
