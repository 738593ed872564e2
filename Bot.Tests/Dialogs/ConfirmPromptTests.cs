using CrmBot.Dialogs;
using Microsoft.Bot.Schema;

namespace CrmBot.Tests.Dialogs;

public sealed class ConfirmPromptTests
{
    [Theory]
    [InlineData("en-US", "yes", true)]
    [InlineData("en-US", "Y", true)]
    [InlineData("en-US", "Yeah!", true)]
    [InlineData("en-US", "sure", true)]
    [InlineData("en-US", "OK", true)]
    [InlineData("en-US", "okay", true)]
    [InlineData("en-US", "yep", true)]
    [InlineData("en-US", "correct", true)]
    [InlineData("en-US", "confirm", true)]
    [InlineData("en-US", "yes please", true)]
    [InlineData("en-US", "no", false)]
    [InlineData("en-US", "n", false)]
    [InlineData("en-US", "Nope.", false)]
    [InlineData("en-US", "nah", false)]
    [InlineData("en-US", "no, thanks", false)]
    [InlineData("zh-CN", "是", true)]
    [InlineData("zh-CN", "好的", true)]
    [InlineData("zh-CN", "好", true)]
    [InlineData("zh-CN", "对", true)]
    [InlineData("zh-CN", "确认", true)]
    [InlineData("zh-CN", "可以。", true)]
    [InlineData("zh-CN", "好的，谢谢", true)]
    [InlineData("zh-CN", "不", false)]
    [InlineData("zh-CN", "不要", false)]
    [InlineData("zh-CN", "不是", false)]
    [InlineData("zh-CN", "否", false)]
    [InlineData("zh-CN", "yes", true)]
    public async Task UnderstandsYesAndNoAndTheirSynonyms(string locale, string answer, bool expected)
    {
        await new DialogTestBot(AskToConfirm(), locale: locale).Flow()
            .Send("hi").AssertReply("Place the order?")
            .Send(answer).AssertReply($"confirmed: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("maybe")]
    [InlineData("not sure")]
    public async Task AsksAgainWhenTheAnswerIsNeitherYesNorNo(string answer)
    {
        await new DialogTestBot(AskToConfirm()).Flow()
            .Send("hi").AssertReply("Place the order?")
            .Send(answer).AssertReply("Please answer yes or no. Place the order?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en-US", "Yes", "No")]
    [InlineData("zh-CN", "是", "否")]
    public async Task OffersYesAndNoButtonsInTheLanguageOfTheTurn(string locale, string yes, string no)
    {
        await new DialogTestBot(AskToConfirm(), locale: locale).Flow()
            .Send("hi").AssertReply(activity =>
            {
                var actions = activity.AsMessageActivity().SuggestedActions.Actions;
                Assert.Equal([yes, no], actions.Select(action => action.Title));
                Assert.Equal([yes, no], actions.Select(action => (string)action.Value));
                Assert.All(actions, action => Assert.Equal(ActionTypes.ImBack, action.Type));
            })
            .Send(yes).AssertReply("confirmed: True")
            .StartTestAsync();
    }

    private static ComponentDialog AskToConfirm() =>
        TestDialogs.AskAndTell(new ConfirmPrompt("confirm"), TestDialogs.Ask("Place the order?"), result => $"confirmed: {result}");
}
