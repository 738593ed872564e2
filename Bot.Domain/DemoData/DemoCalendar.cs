namespace CrmBot.Domain.DemoData;

/// <summary>
/// The shop's year: gift buying in the weeks before the Spring Festival, couriers closed around it,
/// Double 11 and 618 sales, Mid-Autumn gift boxes, Christmas abroad. Dates are in China time.
/// </summary>
internal static class DemoCalendar
{
    public static TimeZoneInfo ChinaTime { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>First day of the lunar new year; it moves between late January and late February.</summary>
    private static readonly Dictionary<int, DateOnly> SpringFestivals = new()
    {
        [2016] = new(2016, 2, 8),
        [2017] = new(2017, 1, 28),
        [2018] = new(2018, 2, 16),
        [2019] = new(2019, 2, 5),
        [2020] = new(2020, 1, 25),
        [2021] = new(2021, 2, 12),
        [2022] = new(2022, 2, 1),
        [2023] = new(2023, 1, 22),
        [2024] = new(2024, 2, 10),
        [2025] = new(2025, 1, 29),
        [2026] = new(2026, 2, 17),
        [2027] = new(2027, 2, 6),
        [2028] = new(2028, 1, 26),
        [2029] = new(2029, 2, 13),
        [2030] = new(2030, 2, 3),
        [2031] = new(2031, 1, 23),
        [2032] = new(2032, 2, 11),
        [2033] = new(2033, 1, 31),
        [2034] = new(2034, 2, 19),
        [2035] = new(2035, 2, 8),
    };

    public static DateOnly ChinaDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, ChinaTime).DateTime);

    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The instant at which a clock in <paramref name="zone"/> shows this date and time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeSpan timeOfDay, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.FromTimeSpan(timeOfDay), DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <summary>The first moment at or after <paramref name="at"/> that falls in office hours (9:00-18:00, Monday to Friday) in <paramref name="zone"/>.</summary>
    public static DateTimeOffset OfficeHours(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        if (local.Hour >= 18)
        {
            date = date.AddDays(1);
        }

        var moved = date != DateOnly.FromDateTime(local) || local.Hour < 9;
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
            moved = true;
        }

        return moved ? At(date, new TimeSpan(9, 30, 0), zone) : at;
    }

    /// <summary>Days from <paramref name="date"/> to the nearest Spring Festival (negative once it is past).</summary>
    public static int? DaysToSpringFestival(DateOnly date)
    {
        int? nearest = null;
        for (var year = date.Year; year <= date.Year + 1; year++)
        {
            if (SpringFestivals.TryGetValue(year, out var festival))
            {
                var days = festival.DayNumber - date.DayNumber;
                if (nearest is null || Math.Abs(days) < Math.Abs(nearest.Value))
                {
                    nearest = days;
                }
            }
        }

        return nearest;
    }

    /// <summary>The next Spring Festival on or after <paramref name="date"/>, if known.</summary>
    public static DateOnly? NextSpringFestival(DateOnly date) =>
        SpringFestivals.Values.Where(d => d >= date).Order().Cast<DateOnly?>().FirstOrDefault();

    /// <summary>The Spring Festival week (and the day before), when couriers stop collecting parcels.</summary>
    public static bool CouriersClosed(DateOnly date) => DaysToSpringFestival(date) is >= -6 and <= 1;

    /// <summary>How much more (or less) likely than usual a customer is to order on this day.</summary>
    public static double Demand(DateOnly date, bool international, bool corporate)
    {
        var toFestival = DaysToSpringFestival(date);
        var giftSeason = toFestival is > 2 and <= 28;
        var holiday = toFestival is >= -6 and <= 2;
        if (corporate)
        {
            // Companies buy for the two gift seasons and hardly otherwise.
            return holiday ? 0.1 : giftSeason ? 9.0 : IsMidAutumnSeason(date) ? 5.0 : 0.25;
        }

        var factor = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.15 : 1.0;
        if (giftSeason)
        {
            factor *= international ? 1.2 : 3.0;
        }
        else if (holiday)
        {
            factor *= 0.25;
        }

        if (international)
        {
            return date.Month == 12 && date.Day <= 20 ? factor * 1.8 : factor;
        }

        factor *= (date.Month, date.Day) switch
        {
            (11, 11) => 7.0,
            (11, < 11) => 1.6,
            (11, 12 or 13) => 1.3,
            (6, 18) => 3.0,
            (6, < 18) => 1.3,
            _ => 1.0,
        };
        return IsMidAutumnSeason(date) ? factor * 1.2 : factor;
    }

    /// <summary>How well an item of a given season sells on this day, compared with its usual.</summary>
    public static double SeasonWeight(DemoCatalog.Season season, DateOnly date) => season switch
    {
        DemoCatalog.Season.SpringFestival => DaysToSpringFestival(date) is > 0 and <= 35 ? 12.0 : 0.15,
        DemoCatalog.Season.MidAutumn => IsMidAutumnSeason(date) ? 12.0 : 0.1,
        DemoCatalog.Season.YearEnd => date.Month is 11 or 12 || (date.Month == 1 && date.Day <= 15) ? 5.0 : 0.3,
        _ => 1.0,
    };

    /// <summary>The weeks before the Mid-Autumn Festival (it falls between mid-September and early October).</summary>
    public static bool IsMidAutumnSeason(DateOnly date) =>
        (date.Month == 8 && date.Day >= 25) || date.Month == 9 || (date.Month == 10 && date.Day <= 3);
}
