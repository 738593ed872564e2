using CrmBot.Dialogs;
using Microsoft.Bot.Builder;

namespace CrmBot.Tests.Dialogs;

public sealed class InterruptionTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("Help!")]
    [InlineData("?")]
    public async Task HelpAnswersWithTheWaitingQuestionsOwnHelpAndAsksItAgain(string help)
    {
        await new DialogTestBot(Order()).Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send(help).AssertReply("Your name as it should appear on the invoice.").AssertReply("What's your name?")
            .Send("Ann").AssertReply("How many boxes?")
            .StartTestAsync();
    }

    [Fact]
    public async Task HelpForAQuestionWithoutHelpOfItsOwnIsGeneral()
    {
        await new DialogTestBot(Order()).Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("How many boxes?")
            .Send("help").AssertReply("You can answer my question, say \"cancel\" to stop, or \"menu\" to see everything I can do.")
            .AssertReply("How many boxes?")
            .Send("4").AssertReply("Order 4 boxes for Ann?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("Stop")]
    [InlineData("quit.")]
    public async Task CancelEndsEveryDialogAndSaysSo(string cancel)
    {
        var bot = new DialogTestBot(Order());

        await bot.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("How many boxes?")
            .Send(cancel).AssertReply("Okay, I've cancelled that. Write to me whenever you'd like to do something else.")
            .AssertNoReply("no reply", DialogTestBot.NoReplyTimeout)
            .Send("hello").AssertReply("What's your name?")
            .StartTestAsync();

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Cancelled), bot.Results[2]);
    }

    [Theory]
    [InlineData("menu")]
    [InlineData("start over")]
    [InlineData("Restart")]
    public async Task MenuEndsEveryDialogAndTheRootDialogBeginsAgain(string menu)
    {
        await new DialogTestBot(Order()).Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("How many boxes?")
            .Send(menu).AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("cancel order SO-1")]
    [InlineData("help desk")]
    [InlineData("Menu Sandwich Ltd")]
    public async Task ACommandInsideALongerMessageIsAnAnswerNotAnInterruption(string answer)
    {
        await new DialogTestBot(Order()).Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send(answer).AssertReply("How many boxes?")
            .Send("1").AssertReply($"Order 1 boxes for {answer}?")
            .StartTestAsync();
    }

    [Fact]
    public async Task InterruptionsUnderstandTheLanguageOfTheTurn()
    {
        await new DialogTestBot(Order(), locale: "zh-CN").Flow()
            .Send("你好").AssertReply("What's your name?")
            .Send("帮助").AssertReply("Your name as it should appear on the invoice.").AssertReply("What's your name?")
            .Send("张三").AssertReply("How many boxes?")
            .Send("帮助").AssertReply("你可以回答我的问题，说“取消”来停止，或者说“菜单”查看我能做的所有事情。").AssertReply("How many boxes?")
            .Send("菜单").AssertReply("What's your name?")
            .Send("取消").AssertReply("好的，已经取消了。想做别的事情时随时告诉我。")
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelInsideANestedDialogEndsTheDialogsAroundItToo()
    {
        var main = new InterruptibleDialog("main")
            .AddDialog(new WaterfallDialog("main-steps",
            [
                (step, ct) => step.BeginDialogAsync("order", null, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync("Back in the main menu.", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]))
            .AddDialog(TestDialogs.Order(new InterruptibleDialog("order")));
        var bot = new DialogTestBot(main);

        await bot.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("cancel").AssertReply("Okay, I've cancelled that. Write to me whenever you'd like to do something else.")
            .AssertNoReply("no reply", DialogTestBot.NoReplyTimeout)
            .Send("hi").AssertReply("What's your name?")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, bot.Results[1].Status);
    }

    [Fact]
    public async Task HelpComesFromTheInnermostWaitingQuestion()
    {
        var main = new InterruptibleDialog("main")
            .AddDialog(new WaterfallDialog("main-steps", [(step, ct) => step.BeginDialogAsync("order", null, ct)]))
            .AddDialog(TestDialogs.Order(new ComponentDialog("order")));

        await new DialogTestBot(main).Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("?").AssertReply("Your name as it should appear on the invoice.").AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task HelpAsksAgainWithAPromptThatBelongsToAnOuterComponent()
    {
        var inner = new ComponentDialog("inner")
            .AddDialog(new WaterfallDialog("inner-steps", [(step, ct) => step.PromptAsync("shared-text", new PromptOptions
            {
                Prompt = MessageFactory.Text("Which city?"),
                Help = MessageFactory.Text("The city we deliver to."),
            }, ct)]));
        var main = new InterruptibleDialog("main")
            .AddDialog(new WaterfallDialog("main-steps", [(step, ct) => step.BeginDialogAsync("inner", null, ct)]))
            .AddDialog(inner)
            .AddDialog(new TextPrompt("shared-text"));

        await new DialogTestBot(main).Flow()
            .Send("hi").AssertReply("Which city?")
            .Send("help").AssertReply("The city we deliver to.").AssertReply("Which city?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AComponentThatIsNotInterruptibleTakesCommandsAsAnswers()
    {
        await new DialogTestBot(TestDialogs.Order(new ComponentDialog("root"))).Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("cancel").AssertReply("How many boxes?")
            .StartTestAsync();
    }

    private static ComponentDialog Order() => TestDialogs.Order(new InterruptibleDialog("root"));
}
