using System.Globalization;
using CrmBot.Language;
using CrmBot.Understanding;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;
using static CrmBot.Tests.Understanding.Recognition;

namespace CrmBot.Tests.Understanding;

public sealed class CultureTests
{
    [Theory]
    [InlineData("en", "en-US")]
    [InlineData("en-US", "en-US")]
    [InlineData("en-GB", "en-US")]
    [InlineData("EN-au", "en-US")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-Hans", "zh-CN")]
    [InlineData("zh_TW", "zh-CN")]
    [InlineData("fr-FR", "en-US")]
    [InlineData("not a locale!", "en-US")]
    [InlineData("", "en-US")]
    public void ReadsEnglishAndChineseLocalesInTheirLanguageAndOthersInEnglish(string locale, string culture)
    {
        var result = Recognize("track SO-10042", locale);

        Assert.Equal(culture, result.Culture);
    }

    [Fact]
    public void FollowsTheTurnsCultureWhenNoLocaleIsGiven()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var result = Recognizer.Recognize("退款二十元");

            Assert.Equal("zh-CN", result.Culture);
            Assert.Equal(["money 20 CNY"], Entities(result));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("")]
    [InlineData("en-US")]
    [InlineData("ja-JP")]
    public void ReadsChineseAmountsWhateverCultureTheThreadIsIn(string threadCulture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // The dialog prompts read numbers with Microsoft.Recognizers.Text's default models, as every caller does:
            // through RecognizerCulture.Invariantly. (Building that shared model under zh-CN instead would break it
            // for the whole process: the reason Invariantly exists.)
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
            RecognizerCulture.Invariantly(() => NumberRecognizer.RecognizeNumber("二十", Culture.Chinese));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(threadCulture);

            var result = Recognize("退款二十元，买三个", "zh-CN");

            Assert.Equal(["money 20 CNY", "quantity 3"], Entities(result));
            Assert.Equal(threadCulture, CultureInfo.CurrentCulture.Name);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void ReadsChineseDatesOnlyInChinese()
    {
        var chinese = Recognize("明天上午十点提醒我", "zh-CN");
        var english = Recognize("明天上午十点提醒我", "en-US");

        Assert.Equal(["dateTime 2026-11-26T10:00:00+08:00"], Entities(chinese));
        Assert.Empty(english.EntitiesOf<DateTimeEntity>());
    }

    [Theory]
    [InlineData("帮助", "en-US", Intent.Help)]
    [InlineData("help", "zh-CN", Intent.Help)]
    [InlineData("track SO-10042", "zh-CN", Intent.TrackOrder)]
    [InlineData("我的订单SO-10042到哪了", "en-US", Intent.TrackOrder)]
    public void ReadsTheKeywordsOfBothLanguagesWhateverTheCulture(string text, string locale, Intent intent)
    {
        var result = Recognize(text, locale);

        Assert.Equal(intent, result.Intent);
    }
}
