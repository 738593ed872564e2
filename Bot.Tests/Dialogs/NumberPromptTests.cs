using CrmBot.Dialogs;
using Microsoft.Bot.Builder;

namespace CrmBot.Tests.Dialogs;

public sealed class NumberPromptTests
{
    [Theory]
    [InlineData("en-US", "3", 3)]
    [InlineData("en-US", "three", 3)]
    [InlineData("en-US", "twenty three", 23)]
    [InlineData("en-US", "I'd like 4 please", 4)]
    [InlineData("en-US", "1,200", 1200)]
    [InlineData("zh-CN", "三", 3)]
    [InlineData("zh-CN", "二十", 20)]
    [InlineData("zh-CN", "3", 3)]
    [InlineData("zh-CN", "要两个", 2)]
    public async Task ReadsNumbersInTheLanguageOfTheTurn(string locale, string answer, int expected)
    {
        await new DialogTestBot(AskForBoxes(new NumberPrompt<int>("number")), locale: locale).Flow()
            .Send("hi").AssertReply("How many?")
            .Send(answer).AssertReply($"got {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task AsksAgainWithAHintWhenTheAnswerHasNoNumber()
    {
        await new DialogTestBot(AskForBoxes(new NumberPrompt<int>("number"))).Flow()
            .Send("hi").AssertReply("How many?")
            .Send("a few").AssertReply("Sorry, I need a number there. How many?")
            .Send("5").AssertReply("got 5")
            .StartTestAsync();
    }

    [Fact]
    public async Task AsksAgainInChineseInAChineseConversation()
    {
        await new DialogTestBot(AskForBoxes(new NumberPrompt<int>("number")), locale: "zh-CN").Flow()
            .Send("你好").AssertReply("How many?")
            .Send("很多").AssertReply("抱歉，这里需要一个数字。How many?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AsksWithTheRetryPromptOfTheOptionsWhenItHasOne()
    {
        var options = new PromptOptions { Prompt = MessageFactory.Text("How many?"), RetryPrompt = MessageFactory.Text("How many boxes, as a number?") };

        await new DialogTestBot(AskForBoxes(new NumberPrompt<int>("number"), options)).Flow()
            .Send("hi").AssertReply("How many?")
            .Send("lots").AssertReply("How many boxes, as a number?")
            .StartTestAsync();
    }

    [Fact]
    public async Task GivesUpAfterTheMaximumNumberOfAttemptsAndLetsTheCallerDecide()
    {
        var bot = new DialogTestBot(AskForBoxes(new NumberPrompt<int>("number")));

        await bot.Flow()
            .Send("hi").AssertReply("How many?")
            .Send("lots").AssertReply("Sorry, I need a number there. How many?")
            .Send("many").AssertReply("Sorry, I need a number there. How many?")
            .Send("heaps").AssertReply("Sorry, I still couldn't make sense of that, so let's leave it there.")
            .AssertReply("gave up after 3 attempts at number")
            .StartTestAsync();

        Assert.Equal(new TooManyAttempts("number", 3), bot.Results[^1].Result);
    }

    [Fact]
    public async Task TheMaximumNumberOfAttemptsComesFromTheOptions()
    {
        var options = new PromptOptions { Prompt = MessageFactory.Text("How many?"), MaxAttempts = 1 };

        await new DialogTestBot(AskForBoxes(new NumberPrompt<int>("number"), options)).Flow()
            .Send("hi").AssertReply("How many?")
            .Send("lots").AssertReply("Sorry, I still couldn't make sense of that, so let's leave it there.")
            .AssertReply("gave up after 1 attempts at number")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnIntegerPromptDoesNotAcceptAFraction()
    {
        await new DialogTestBot(AskForBoxes(new NumberPrompt<int>("number"))).Flow()
            .Send("hi").AssertReply("How many?")
            .Send("2.5").AssertReply("Sorry, I need a number there. How many?")
            .StartTestAsync();
    }

    [Fact]
    public async Task ADecimalPromptKeepsTheFraction()
    {
        await new DialogTestBot(AskForBoxes(new NumberPrompt<decimal>("number"))).Flow()
            .Send("hi").AssertReply("How many?")
            .Send("2.5").AssertReply("got 2.5")
            .StartTestAsync();
    }

    [Fact]
    public async Task AValidatorSeesTheRecognizedNumberAndTheOptions()
    {
        var prompt = new NumberPrompt<int>("number", (context, ct) =>
            Task.FromResult(context.Recognized.Succeeded && context.Recognized.Value <= Convert.ToInt32(context.Options.Validations, System.Globalization.CultureInfo.InvariantCulture)));
        var options = new PromptOptions { Prompt = MessageFactory.Text("How many?"), Validations = 10 };

        await new DialogTestBot(AskForBoxes(prompt, options)).Flow()
            .Send("hi").AssertReply("How many?")
            .Send("12").AssertReply("Sorry, I need a number there. How many?")
            .Send("ten").AssertReply("got 10")
            .StartTestAsync();
    }

    private static ComponentDialog AskForBoxes(Dialog prompt, PromptOptions? options = null) =>
        TestDialogs.AskAndTell(prompt, options ?? TestDialogs.Ask("How many?"), result => result switch
        {
            TooManyAttempts giveUp => $"gave up after {giveUp.Attempts} attempts at {giveUp.PromptId}",
            IFormattable number => $"got {number.ToString(null, System.Globalization.CultureInfo.InvariantCulture)}",
            _ => $"got {result}",
        });
}
