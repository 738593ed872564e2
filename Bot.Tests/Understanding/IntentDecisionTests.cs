using CrmBot.Domain.Common;
using CrmBot.Understanding;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CrmBot.Tests.Understanding.Recognition;

namespace CrmBot.Tests.Understanding;

public sealed class IntentDecisionTests
{
    [Fact]
    public void AnswersNoneWhenTwoIntentsAreTooCloseToCallAndListsBoth()
    {
        var result = Recognize("cancel and refund SO-10042");

        Assert.Equal(Intent.None, result.Intent);
        Assert.True(result.Score < UtteranceRecognizer.Threshold);
        Assert.Equal([Intent.CancelOrder, Intent.RefundOrder], result.Intents.Take(2).Select(i => i.Intent).Order());
    }

    [Fact]
    public void AnswersNoneWithTheHintWhenOnlyAWeakRuleMatches()
    {
        var result = Recognize("help with something");

        Assert.Equal(Intent.None, result.Intent);
        Assert.Equal(0.45, result.Score);
        Assert.Equal(Intent.Help, Assert.Single(result.Intents).Intent);
    }

    [Fact]
    public void LetsTheSpecificRequestWinOverAGreetingOrAPleaForHelp()
    {
        Assert.Equal(Intent.TrackOrder, Recognize("hi, where is my order?").Intent);
        Assert.Equal(Intent.FindCustomer, Recognize("help me find customer Alice").Intent);
    }

    [Theory]
    [InlineData("was SO-10042 delivered?", Intent.TrackOrder)]
    [InlineData("SO-10042 delivered", Intent.DeliverOrder)]
    [InlineData("has SO-10042 shipped?", Intent.TrackOrder)]
    [InlineData("ship SO-10042", Intent.ShipOrder)]
    [InlineData("订单SO-10042发货了吗", Intent.TrackOrder)]
    [InlineData("SO-10042已发货", Intent.ShipOrder)]
    public void TellsAQuestionAboutAnOrderFromAReportOfWhatWasDone(string text, Intent intent)
    {
        var result = Recognize(text, "zh-CN");

        Assert.Equal(intent, result.Intent);
    }

    [Theory]
    [InlineData("cancel", Intent.Cancel)]
    [InlineData("cancel my order", Intent.CancelOrder)]
    [InlineData("stop", Intent.OptOut)]
    [InlineData("don't send me messages again", Intent.OptOut)]
    [InlineData("send me messages again", Intent.OptIn)]
    [InlineData("取消", Intent.Cancel)]
    [InlineData("取消订单", Intent.CancelOrder)]
    [InlineData("取消订阅", Intent.OptOut)]
    public void TellsApartIntentsThatShareAWord(string text, Intent intent)
    {
        var result = Recognize(text);

        Assert.Equal(intent, result.Intent);
    }

    [Theory]
    [InlineData("why did Alice get the refund notice?", Intent.ExplainMessage)]
    [InlineData("why did Alice Zhang receive the order cancelled message", Intent.ExplainMessage)]
    [InlineData("why did Wang Fang get the new order confirmation", Intent.ExplainMessage)]
    [InlineData("why did my order get cancelled?", Intent.CancelOrder)]
    [InlineData("refund 20 on SO-10042", Intent.RefundOrder)]
    [InlineData("为什么张三收到了付款提醒", Intent.ExplainMessage)]
    [InlineData("为什么张三收到了退款通知", Intent.ExplainMessage)]
    [InlineData("客户张三为什么会收到取消订单的消息", Intent.ExplainMessage)]
    [InlineData("为什么我还没收到货", Intent.TrackOrder)]
    [InlineData("收到货款500元", Intent.RecordPayment)]
    public void TellsAQuestionAboutAWorkflowsMessageFromTheRequestItsWordsName(string text, Intent intent)
    {
        var result = Recognize(text, text.Any(c => c > 0x2E80) ? "zh-CN" : "en-US");

        Assert.Equal(intent, result.Intent);
    }

    [Theory]
    [InlineData("resume sending me messages", Intent.OptIn)]
    [InlineData("resume messages", Intent.OptIn)]
    [InlineData("恢复推送", Intent.OptIn)]
    [InlineData("resume vip-notifications", Intent.ResumeWorkflow)]
    [InlineData("discard my order", Intent.TrackOrder)]
    [InlineData("暂停推送", Intent.None)]
    public void TellsACustomersWishForMessagesFromAWorkflowsName(string text, Intent intent)
    {
        var result = Recognize(text, text.Any(c => c > 0x2E80) ? "zh-CN" : "en-US");

        Assert.Equal(intent, result.Intent);
    }

    [Fact]
    public void TakesTheBestScoreOfEveryClassifierSoATrainedOneCanDecideWhatRulesCannot()
    {
        var recognizer = WithClassifiers(new RuleIntentClassifier(), new FixedClassifier(Intent.BrowseProducts, 0.8));

        var result = recognizer.Recognize("got anything nice for my mum?", new RecognitionContext { Locale = "en-US" });

        Assert.Equal(Intent.BrowseProducts, result.Intent);
        Assert.Equal(0.8, result.Score);
    }

    [Fact]
    public void CarriesOnWithTheOtherClassifiersWhenOneFails()
    {
        var recognizer = WithClassifiers(new FailingClassifier(), new RuleIntentClassifier());

        var result = recognizer.Recognize("track SO-10042", new RecognitionContext { Locale = "en-US" });

        Assert.Equal(Intent.TrackOrder, result.Intent);
    }

    [Fact]
    public void GivesClassifiersTheTextWithEntitiesMasked()
    {
        var spy = new SpyClassifier();

        WithClassifiers(spy).Recognize("refund ¥20 on SO-10042 to help@shop.example", new RecognitionContext { Locale = "en-US" });

        Assert.Equal($"refund {Utterance.MoneyToken} on {Utterance.OrderToken} to {Utterance.EmailToken}", spy.Seen?.Masked);
    }

    private static UtteranceRecognizer WithClassifiers(params IIntentClassifier[] classifiers) =>
        new(Options.Create(new CrmOptions()), Clock(), classifiers, NullLogger<UtteranceRecognizer>.Instance);

    private sealed class FixedClassifier(Intent intent, double score) : IIntentClassifier
    {
        public IEnumerable<IntentScore> Classify(Utterance utterance) => [new(intent, score)];
    }

    private sealed class FailingClassifier : IIntentClassifier
    {
        public IEnumerable<IntentScore> Classify(Utterance utterance) => throw new InvalidOperationException("model file missing");
    }

    private sealed class SpyClassifier : IIntentClassifier
    {
        public Utterance? Seen { get; private set; }

        public IEnumerable<IntentScore> Classify(Utterance utterance)
        {
            Seen = utterance;
            return [];
        }
    }
}
