using System.Text;
using CrmBot.Understanding;
using static CrmBot.Tests.Understanding.Recognition;

namespace CrmBot.Tests.Understanding;

public sealed class BadInputTests
{
    public static TheoryData<string> Garbage => new()
    {
        "",
        "   ",
        "\t\r\n",
        "\0\u0001\u001b[31m hi \u0007",
        "😀😀😀",
        "👍🏽 track SO-10042 👨‍👩‍👧",
        "a\uD800b\uDC00",
        "\uFEFF\u200B\u202Ehelp",
        "\uFFFE\uFFFF\uFDD0 track SO-10042",
        "SO-SO-SO-10042-10042-",
        new string('9', 600),
        new string('?', 600),
        string.Concat(Enumerable.Repeat("明天上午十点提醒我给张三打电话退款二十元", 40)),
        "<script>alert(1)</script> ' OR 1=1; --",
        "⟨_order⟩ ⟨_money⟩ ⟨_email⟩",
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void NeverThrowsWhateverItIsGiven(string text)
    {
        var english = Recognize(text);
        var chinese = Recognize(text, "zh-CN");

        Assert.NotNull(english.Text);
        Assert.NotNull(chinese.Text);
        Assert.True(english.Text.Length <= UtteranceRecognizer.MaxLength);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AnswersNoneForNothing(string? text)
    {
        var result = Recognize(text);

        Assert.Equal(Intent.None, result.Intent);
        Assert.Equal(0, result.Score);
        Assert.Equal("", result.Text);
        Assert.Empty(result.Entities);
    }

    [Fact]
    public void ReadsOnlyTheBeginningOfAHugeTextAndSaysSo()
    {
        var huge = "track SO-10042 " + new string('x', 100 * 1024);

        var result = Recognize(huge);

        Assert.True(result.Truncated);
        Assert.Equal(huge.Length, result.OriginalLength);
        Assert.Equal(UtteranceRecognizer.MaxLength, result.Text.Length);
        Assert.Equal(Intent.TrackOrder, result.Intent);
    }

    [Fact]
    public void DoesNotCutAnEmojiInHalf()
    {
        var text = new string('a', UtteranceRecognizer.MaxLength - 1) + "😀 and more";

        var result = Recognize(text);

        Assert.True(result.Truncated);
        Assert.False(char.IsHighSurrogate(result.Text[^1]));
    }

    [Fact]
    public void SaysNothingWasCutFromAnOrdinaryText()
    {
        var result = Recognize("track SO-10042");

        Assert.False(result.Truncated);
        Assert.Equal(14, result.OriginalLength);
    }

    [Fact]
    public void ReadsThroughControlCharactersAndInvisibleMarks()
    {
        var result = Recognize("\u200Btrack\u0007 SO-\u200B10042\r\n");

        Assert.Equal(Intent.TrackOrder, result.Intent);
        Assert.Equal("SO-10042", result.Entity<OrderNumberEntity>()?.Number);
    }

    [Fact]
    public void DoesNotTakeAKeywordInsideAnEmailAddressForTheIntent()
    {
        var result = Recognize("find help@shop.example");

        Assert.Equal(Intent.FindCustomer, result.Intent);
    }

    [Fact]
    public void SurvivesRandomText()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 200; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 80);
            for (var j = 0; j < length; j++)
            {
                text.Append((char)random.Next(0, 0xFFFF));
            }

            var result = Recognize(text.ToString(), i % 2 == 0 ? "en-US" : "zh-CN");

            Assert.InRange(result.Score, 0, 1);
        }
    }
}
