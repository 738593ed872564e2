using CrmBot.Domain.Common;
using CrmBot.Understanding;
using static CrmBot.Tests.Understanding.Recognition;

namespace CrmBot.Tests.Understanding;

public sealed class EntityTests
{
    [Theory]
    [InlineData("refund $5 on SO-10042", "money 5 USD")]
    [InlineData("refund 20 yuan on SO-10042", "money 20 CNY")]
    [InlineData("refund 20 euros on SO-10042", "money 20 EUR")]
    [InlineData("refund RMB 20 on SO-10042", "money 20 CNY")]
    [InlineData("refund 19.99 on SO-10042", "money 19.99")]
    public void ReadsAmountsWithTheCurrencyWhenOneIsSaid(string text, string money)
    {
        var result = Recognize(text);

        Assert.Equal([money, "orderNumber SO-10042"], Entities(result));
    }

    [Fact]
    public void ReadsTheYenSignAsTheShopsCurrencyWhenThatIsYen()
    {
        var recognizer = UtteranceRecognizer.Create(Clock(), new CrmOptions { DefaultCurrency = "JPY" });

        var result = recognizer.Recognize("refund ¥500", new RecognitionContext { Locale = "en-US" });

        Assert.Equal(["money 500 JPY"], Entities(result));
    }

    [Fact]
    public void GivesABareAmountInTheShopsCurrencyAsDomainMoney()
    {
        var money = Recognize("refund 20 on SO-10042").Entity<MoneyEntity>()!;

        Assert.Null(money.Currency);
        Assert.Equal(new Money(20m, "CNY"), money.ToMoney("CNY"));
    }

    [Theory]
    [InlineData("I want three mugs", "quantity 3")]
    [InlineData("I want 3", "quantity 3")]
    [InlineData("call me at 3", "dateTime 2026-11-25T15:00:00+08:00")]
    [InlineData("the answer is 42", "number 42")]
    public void TellsQuantitiesFromOtherNumbers(string text, string entity)
    {
        var result = Recognize(text);

        Assert.Equal([entity], Entities(result));
    }

    [Theory]
    [InlineData("remind me at 10", "2026-11-25T10:00:00+08:00")]
    [InlineData("remind me at 8", "2026-11-25T20:00:00+08:00")]
    [InlineData("remind me next Friday 3pm", "2026-12-04T15:00:00+08:00")]
    [InlineData("remind me on Friday", "2026-11-27T00:00:00+08:00")]
    [InlineData("remind me in 2 hours", "2026-11-25T11:00:00+08:00")]
    public void ResolvesDatesToTheFirstMomentStillToComeInTheUsersTimeZone(string text, string resolved)
    {
        var result = Recognize(text);

        Assert.Equal($"dateTime {resolved}", Describe(Assert.Single(result.EntitiesOf<DateTimeEntity>())));
    }

    [Fact]
    public void ResolvesDatesInTheTimeZoneOfTheContext()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        var result = Recognizer.Recognize("remind me tomorrow at 10", new RecognitionContext { Locale = "en-US", TimeZone = london });

        var moment = result.Entity<DateTimeEntity>()!;
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), moment.Resolved);
        Assert.True(moment.HasTime);
    }

    [Fact]
    public void ReadsDatesInTheShopsTimeZoneWhenTheUsersIsNotGiven()
    {
        var recognizer = UtteranceRecognizer.Create(Clock(), new CrmOptions { DefaultTimeZone = "Europe/London" });

        var result = recognizer.Recognize("remind me tomorrow at 10", new RecognitionContext { Locale = "en-US" });

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), result.Entity<DateTimeEntity>()!.Resolved);
    }

    [Fact]
    public void KeepsTheRecognizersOwnReadingsBesideTheResolvedMoment()
    {
        var moment = Recognize("remind me tomorrow at 10").Entity<DateTimeEntity>()!;

        Assert.Equal("datetime", moment.Type);
        Assert.Equal("2026-11-26T10", moment.Timex);
        Assert.Equal(["2026-11-26T10", "2026-11-26T22"], moment.Values.Select(v => v["timex"]));
    }

    [Fact]
    public void GivesRangesAStartAndAnEnd()
    {
        var week = Recognize("remind me next week").Entity<DateTimeEntity>()!;

        Assert.Equal("daterange", week.Type);
        Assert.False(week.HasTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(8)), week.Resolved);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.FromHours(8)), week.ResolvedEnd);
    }

    [Theory]
    [InlineData("call +86 138-0013-8000", "+8613800138000")]
    [InlineData("look up 13800138000", "+8613800138000")]
    [InlineData("look up +44 20 7946 0958", "+442079460958")]
    [InlineData("手机13800138000 2个", "+8613800138000")]
    public void NormalisesPhoneNumbersToE164InTheShopsRegion(string text, string e164)
    {
        var result = Recognize(text, "zh-CN");

        Assert.Equal(e164, result.Entity<PhoneNumberEntity>()?.E164);
    }

    [Fact]
    public void LeavesOutPhoneNumbersThatCannotExist()
    {
        var result = Recognize("look up 100 0000 0000");

        Assert.Empty(result.EntitiesOf<PhoneNumberEntity>());
    }

    [Theory]
    [InlineData("track so10042", "SO-10042")]
    [InlineData("track SO 10042", "SO-10042")]
    [InlineData("track order #10042", "SO-10042")]
    [InlineData("track ＳＯ－１００４２", "SO-10042")]
    public void ReadsOrderNumbersHoweverTheyAreTyped(string text, string number)
    {
        var result = Recognize(text);

        Assert.Equal(number, result.Entity<OrderNumberEntity>()?.Number);
    }

    [Theory]
    [InlineData("SO-10042 shipped via DHL 1234567890", "DHL", "1234567890")]
    [InlineData("ship SO-10042, JD Logistics JDVB12345678901", "JD Logistics", "JDVB12345678901")]
    [InlineData("已发货 中通 73123456789012", "ZTO", "73123456789012")]
    [InlineData("ship SO-10042 with China Post EA123456789CN", "China Post", "EA123456789CN")]
    public void ReadsTheCarrierAndTheTrackingNumberBesideIt(string text, string carrier, string tracking)
    {
        var result = Recognize(text);

        Assert.Equal(carrier, result.Entity<CarrierEntity>()?.Carrier);
        Assert.Equal(tracking, result.Entity<TrackingNumberEntity>()?.TrackingNumber);
    }

    [Theory]
    [InlineData("customer paid 50 dollars for SO-10042")]
    [InlineData("talk to a human")]
    [InlineData("call me back")]
    [InlineData("customer service please")]
    public void TakesNoWordForANameUnlessTheSentenceMakesItOne(string text)
    {
        var result = Recognize(text);

        Assert.Empty(result.EntitiesOf<PersonNameEntity>());
    }

    [Theory]
    [InlineData("find customer Alice Smith", "Alice Smith")]
    [InlineData("find customer alice", "alice")]
    [InlineData("call Bob Tomorrow", "Bob")]
    [InlineData("customer 张三", "张三")]
    [InlineData("客户王小明的资料", "王小明")]
    [InlineData("联系张先生", "张先生")]
    public void ReadsNamesWhereTheSentenceMakesThemClear(string text, string name)
    {
        var result = Recognize(text, text.Any(c => c > '\u4E00') && !text.StartsWith("customer", StringComparison.Ordinal) ? "zh-CN" : "en-US");

        Assert.Equal(name, result.Entity<PersonNameEntity>()?.Name);
    }

    [Fact]
    public void ReportsEntityPositionsInTheRecognisedText()
    {
        var result = Recognize("refund ¥20 on SO-10042");

        Assert.All(result.Entities, entity => Assert.Equal(entity.Text, result.Text.Substring(entity.Position, entity.Text.Length)));
    }
}
