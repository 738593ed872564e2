using System.Globalization;
using System.Text;
using Bogus;
using CrmBot.Domain.Customers;
using CrmBot.Domain.SalesReps;

namespace CrmBot.Domain.DemoData;

/// <summary>
/// Makes up the sales team and the customers: most of them in Chinese cities with Chinese mobile
/// numbers, a minority abroad; every phone number passes libphonenumber's validation for its country.
/// </summary>
internal sealed class DemoPeople
{
    /// <summary>The <c>from.aadObjectId</c> of the Teams sample activities (shared/teams-activities).</summary>
    public const string TeamsSampleUserAadObjectId = "00000000-0000-0000-0000-0000000000aa";

    public const string EmailDomain = "demo-shop.example";

    private const int InternationalDesk = 0;
    private const int North = 1;
    private const int East = 2;
    private const int SouthWest = 3;

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157",
        "158", "159", "166", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199",
    ];

    private static readonly string[] Roads =
    [
        "人民路", "中山路", "解放路", "建设路", "和平路", "新华路", "文化路", "胜利路", "长江路", "青年路",
        "科技路", "学府路", "光明路", "东风路", "朝阳路", "复兴路", "迎宾大道", "滨江大道", "世纪大道", "南京路",
    ];

    private static readonly string[] ChineseMailHosts = ["163.com", "126.com", "sina.com"];
    private static readonly string[] BritishMailHosts = ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk"];
    private static readonly string[] GermanMailHosts = ["gmail.com", "web.de", "gmx.de"];
    private static readonly string[] MailHosts = ["gmail.com", "outlook.com", "icloud.com", "yahoo.com"];

    private static readonly ChinaCity[] ChinaCities =
    [
        new("上海", "上海市", East, 18, [("浦东新区", "200120"), ("徐汇区", "200030"), ("静安区", "200040"), ("黄浦区", "200001"), ("长宁区", "200050"), ("闵行区", "201100")]),
        new("北京", "北京市", North, 16, [("朝阳区", "100020"), ("海淀区", "100080"), ("东城区", "100010"), ("西城区", "100032"), ("丰台区", "100071")]),
        new("深圳", "广东省", SouthWest, 12, [("南山区", "518052"), ("福田区", "518033"), ("罗湖区", "518001"), ("宝安区", "518101")]),
        new("广州", "广东省", SouthWest, 10, [("天河区", "510630"), ("越秀区", "510030"), ("海珠区", "510220"), ("番禺区", "511400")]),
        new("杭州", "浙江省", East, 10, [("西湖区", "310013"), ("上城区", "310002"), ("滨江区", "310051"), ("拱墅区", "310011")]),
        new("成都", "四川省", SouthWest, 9, [("锦江区", "610021"), ("武侯区", "610041"), ("青羊区", "610031"), ("成华区", "610051")]),
        new("南京", "江苏省", East, 5, [("鼓楼区", "210009"), ("玄武区", "210018"), ("建邺区", "210019")]),
        new("苏州", "江苏省", East, 4, [("姑苏区", "215008"), ("工业园区", "215021")]),
        new("武汉", "湖北省", SouthWest, 4, [("武昌区", "430061"), ("江汉区", "430021"), ("洪山区", "430070")]),
        new("重庆", "重庆市", SouthWest, 4, [("渝中区", "400010"), ("江北区", "400020"), ("南岸区", "400060")]),
        new("西安", "陕西省", North, 3, [("雁塔区", "710061"), ("碑林区", "710001")]),
        new("天津", "天津市", North, 3, [("和平区", "300041"), ("南开区", "300100")]),
        new("厦门", "福建省", East, 2, [("思明区", "361001"), ("湖里区", "361006")]),
    ];

    private static readonly AbroadCity[] AbroadCities =
    [
        new("GB", "London", "England", "Europe/London", "en-GB", "en_GB", 16, ["07"]),
        new("GB", "Manchester", "England", "Europe/London", "en-GB", "en_GB", 5, ["07"]),
        new("GB", "Edinburgh", "Scotland", "Europe/London", "en-GB", "en_GB", 3, ["07"]),
        new("US", "New York", "NY", "America/New_York", "en-US", "en_US", 10, ["212", "646", "917", "718"]),
        new("US", "Boston", "MA", "America/New_York", "en-US", "en_US", 3, ["617", "857"]),
        new("US", "San Francisco", "CA", "America/Los_Angeles", "en-US", "en_US", 6, ["415", "628"]),
        new("US", "Seattle", "WA", "America/Los_Angeles", "en-US", "en_US", 4, ["206"]),
        new("DE", "Berlin", "Berlin", "Europe/Berlin", "de-DE", "de", 5, ["0151", "0152", "0157", "0176"]),
        new("DE", "München", "Bayern", "Europe/Berlin", "de-DE", "de", 3, ["0151", "0152", "0157", "0176"]),
        new("SG", "Singapore", null, "Asia/Singapore", "en-SG", "en", 6, ["8", "9"]),
        new("AU", "Sydney", "NSW", "Australia/Sydney", "en-AU", "en_AU", 5, ["04"]),
        new("AU", "Melbourne", "VIC", "Australia/Melbourne", "en-AU", "en_AU", 3, ["04"]),
    ];

    private static readonly float[] ChinaCityWeights = ChinaCities.Select(c => (float)c.Weight).ToArray();
    private static readonly float[] AbroadCityWeights = AbroadCities.Select(c => (float)c.Weight).ToArray();

    private readonly Randomizer _random;
    private readonly bool _onlyChina;
    private readonly Faker _chinese;
    private readonly Dictionary<string, Faker> _abroad = [];
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);

    public DemoPeople(Randomizer random, DemoWording wording)
    {
        _random = random;
        _onlyChina = wording.Chinese;
        _chinese = new Faker("zh_CN") { Random = random };
        foreach (var locale in AbroadCities.Select(c => c.Locale).Distinct())
        {
            _abroad[locale] = new Faker(locale) { Random = random };
        }
    }

    /// <summary>
    /// The team, in a fixed order: Megan Bowen (the Teams sample user) runs the international desk
    /// from London; Li Na, Chen Jie and Wang Fang (李娜, 陈杰 and 王芳 in the Chinese shop) look after the north, east
    /// and south-west of China.
    /// </summary>
    public static IReadOnlyList<SalesRep> CreateSalesTeam(DemoWording wording)
    {
        var (north, east, southWest) = wording.ChinaReps;
        return
        [
            new("Megan Bowen", $"megan.bowen@{EmailDomain}", TeamsSampleUserAadObjectId, 12, "Europe/London"),
            new(north, $"li.na@{EmailDomain}", null, 15, "Asia/Shanghai"),
            new(east, $"chen.jie@{EmailDomain}", null, 15, "Asia/Shanghai"),
            new(southWest, $"wang.fang@{EmailDomain}", null, 12, "Asia/Shanghai"),
        ];
    }

    /// <summary>A new customer who signed up between <paramref name="start"/> (or a little before) and <paramref name="now"/>.</summary>
    public DemoShopper CreateShopper(int index, IReadOnlyList<SalesRep> team, DateTimeOffset start, DateTimeOffset now)
    {
        // The Chinese shop sells only in China; the international one abroad too.
        var international = _random.Chance(0.15) && !_onlyChina;
        var habit = PickHabit(international);
        return international
            ? Abroad(index, habit, team, start, now)
            : InChina(index, habit, team, start, now);
    }

    private DemoShopper InChina(int index, DemoShopper.Habit habit, IReadOnlyList<SalesRep> team, DateTimeOffset start, DateTimeOffset now)
    {
        var city = _random.Pick(ChinaCities, ChinaCityWeights);
        var (district, postalCode) = _random.ArrayElement(city.Districts);
        var street = $"{district}{_random.ArrayElement(Roads)}{_random.Int(1, 999)}号";
        if (_random.Chance(0.6))
        {
            street += $"{_random.Int(1, 20)}栋{_random.Int(1, 4)}单元{_random.Int(2, 32)}{_random.Int(1, 8):00}室";
        }

        var name = ChineseName();
        var hasPhone = _random.Chance(0.92);
        var email = !hasPhone || _random.Chance(0.45) ? ChineseEmail() : null;
        var phone = hasPhone ? UniquePhone(() => _random.ArrayElement(MobilePrefixes) + _random.Replace("########"), "CN") : null;
        var zone = DemoCalendar.ChinaTime;
        var profile = new CustomerProfile(
            name,
            email,
            phone,
            new PostalAddress(street, city.Name, city.Province, postalCode, "CN"),
            "Asia/Shanghai",
            "zh-CN",
            ConsentToProactiveMessages: _random.Chance(0.65));
        var repIndex = city.Rep == East && _random.Chance(0.2) ? InternationalDesk : city.Rep;
        return Create(index, profile, zone, international: false, habit, team[repIndex], start, now);
    }

    private DemoShopper Abroad(int index, DemoShopper.Habit habit, IReadOnlyList<SalesRep> team, DateTimeOffset start, DateTimeOffset now)
    {
        var city = _random.Pick(AbroadCities, AbroadCityWeights);
        var faker = _abroad[city.Locale];

        // Some customers abroad are Chinese and would rather be served in Chinese.
        var overseasChinese = _random.Chance(0.15);
        string name, email;
        if (overseasChinese)
        {
            name = ChineseName();
            email = ChineseEmail();
        }
        else
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            name = $"{first} {last}";
            email = UniqueEmail($"{Slug(first)}.{Slug(last)}", _random.ArrayElement(city.MailHosts));
        }

        var phone = _random.Chance(0.75) ? UniquePhone(() => AbroadPhone(city), city.Country) : null;
        var postalCode = city.Country switch
        {
            "SG" => _random.Replace("######"),
            "AU" => city.City == "Sydney" ? "2" + _random.Replace("###") : "3" + _random.Replace("###"),
            "US" => faker.Address.ZipCode("#####"),
            _ => faker.Address.ZipCode(),
        };
        var profile = new CustomerProfile(
            name,
            email,
            phone,
            new PostalAddress(faker.Address.StreetAddress(), city.City, city.Region, postalCode, city.Country),
            city.TimeZone,
            overseasChinese ? "zh-CN" : city.Language,
            ConsentToProactiveMessages: _random.Chance(0.5));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(city.TimeZone);
        return Create(index, profile, zone, international: true, habit, team[InternationalDesk], start, now);
    }

    private DemoShopper Create(
        int index,
        CustomerProfile profile,
        TimeZoneInfo zone,
        bool international,
        DemoShopper.Habit habit,
        SalesRep rep,
        DateTimeOffset start,
        DateTimeOffset now)
    {
        // A fifth of the customers came with the shop; the rest signed up as it grew.
        var span = (now - start).TotalDays;
        var day = _random.Chance(0.2)
            ? start.AddDays(-_random.Double() * 150)
            : start.AddDays(Math.Sqrt(_random.Double()) * (span - 1));
        var createdAt = DemoCalendar.At(DemoCalendar.LocalDate(day, zone), TimeSpan.FromMinutes(_random.Int(8 * 60, 23 * 60)), zone);
        if (createdAt > now)
        {
            createdAt = now.AddMinutes(-_random.Int(30, 600));
        }

        var customer = new Customer(profile, "CN", createdAt);
        customer.SetExternalId(string.Create(CultureInfo.InvariantCulture, $"{DemoShop.ExternalIdPrefix}{index + 1:0000}"));

        var rate = habit switch
        {
            DemoShopper.Habit.Loyal => 9 + (_random.Double() * 7),
            DemoShopper.Habit.Regular => 3.5 + (_random.Double() * 3.5),
            DemoShopper.Habit.Occasional => 1 + (_random.Double() * 1.5),
            DemoShopper.Habit.Corporate => 1.5 + _random.Double(),
            _ => 0,
        };
        var shopper = new DemoShopper(customer, zone, international, habit, rate)
        {
            Favourite = international
                ? _random.Pick([DemoCatalog.Aisle.Teas, DemoCatalog.Aisle.Teaware, DemoCatalog.Aisle.Mugs, DemoCatalog.Aisle.Stationery, DemoCatalog.Aisle.Gifts], [5f, 3f, 2f, 1f, 1f])
                : _random.Pick([DemoCatalog.Aisle.Teas, DemoCatalog.Aisle.Teaware, DemoCatalog.Aisle.Mugs, DemoCatalog.Aisle.Stationery, DemoCatalog.Aisle.Gifts], [5f, 2f, 3f, 3f, 2f]),
        };

        var churnChance = habit switch
        {
            DemoShopper.Habit.Loyal => 0.1,
            DemoShopper.Habit.Regular => 0.3,
            DemoShopper.Habit.Occasional => 0.4,
            DemoShopper.Habit.Corporate => 0.15,
            _ => 0,
        };
        if (_random.Chance(churnChance))
        {
            shopper.ChurnsAt = createdAt.AddDays(20 + _random.Exponential(240));
        }

        // Reps pick up new sign-ups within a few days; the newest ones may still be waiting.
        var recent = now - createdAt < TimeSpan.FromDays(45);
        if (habit == DemoShopper.Habit.Corporate || !_random.Chance(recent ? 0.5 : 0.06))
        {
            var assignedAt = createdAt.AddHours(_random.Int(1, 72));
            if (assignedAt <= now)
            {
                customer.AssignRep(rep.Id, assignedAt);
                shopper.Rep = rep;
            }
        }

        return shopper;
    }

    private DemoShopper.Habit PickHabit(bool international) => international
        ? _random.Pick([DemoShopper.Habit.Loyal, DemoShopper.Habit.Regular, DemoShopper.Habit.Occasional, DemoShopper.Habit.Browser], [12f, 30f, 44f, 14f])
        : _random.Pick(
            [DemoShopper.Habit.Loyal, DemoShopper.Habit.Regular, DemoShopper.Habit.Occasional, DemoShopper.Habit.Corporate, DemoShopper.Habit.Browser],
            [14f, 30f, 38f, 6f, 12f]);

    private string ChineseName() => _chinese.Name.LastName() + _chinese.Name.FirstName();

    private string ChineseEmail() => _random.Chance(0.6)
        ? UniqueEmail(_random.Long(10_000_000, 3_999_999_999).ToString(CultureInfo.InvariantCulture), "qq.com")
        : UniqueEmail(Slug(_abroad["en_US"].Internet.UserName()), _random.ArrayElement(["163.com", "126.com", "sina.com"]));

    private string UniqueEmail(string local, string host)
    {
        var candidate = $"{local}@{host}";
        while (!_emails.Add(candidate))
        {
            candidate = $"{local}{_random.Int(1, 999)}@{host}";
        }

        return candidate;
    }

    private string? UniquePhone(Func<string> draw, string region)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var raw = draw();
            if (PhoneNumberNormalizer.TryToE164(raw, region, out var e164) && _phones.Add(e164))
            {
                return raw;
            }
        }

        return null;
    }

    private string AbroadPhone(AbroadCity city)
    {
        var prefix = _random.ArrayElement(city.PhonePrefixes);
        return city.Country switch
        {
            "GB" => prefix + _random.Int(4, 9) + _random.Replace("########"),
            "US" => prefix + _random.Int(200, 999) + _random.Replace("####"),
            "DE" => prefix + _random.Replace("########"),
            "SG" => prefix + _random.Replace("#######"),
            _ => prefix + _random.Replace("########"),
        };
    }

    /// <summary>Letters and digits only, without accents: "Jürgen O'Neil" becomes "jurgenoneil".</summary>
    private static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.Length > 0 ? builder.ToString() : "customer";
    }

    private sealed record ChinaCity(string Name, string Province, int Rep, int Weight, (string District, string PostalCode)[] Districts);

    private sealed record AbroadCity(string Country, string City, string? Region, string TimeZone, string Language, string Locale, int Weight, string[] PhonePrefixes)
    {
        public string[] MailHosts => Country switch
        {
            "GB" => BritishMailHosts,
            "DE" => GermanMailHosts,
            _ => DemoPeople.MailHosts,
        };
    }
}
