using CrmBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CrmBot.Tests.Dialogs;

public sealed class ChoicePromptTests
{
    private static readonly Choice[] Sizes =
    [
        new("Small") { Synonyms = ["little"] },
        new("Medium") { Synonyms = ["regular", "normal"] },
        new("Large") { Synonyms = ["big"] },
    ];

    private static readonly Choice[] ChineseSizes =
    [
        new("小杯") { Synonyms = ["小"] },
        new("中杯") { Synonyms = ["中"] },
        new("大杯") { Synonyms = ["大"] },
    ];

    [Theory]
    [InlineData("Medium")]
    [InlineData("medium!")]
    [InlineData("regular")]
    [InlineData("2")]
    [InlineData("two")]
    [InlineData("second")]
    [InlineData("the second one")]
    [InlineData("2nd")]
    [InlineData("I'll take the medium please")]
    public async Task FindsTheChoiceByValueSynonymNumberOrOrdinal(string answer)
    {
        await new DialogTestBot(AskForSize(Sizes)).Flow()
            .Send("hi").AssertReply(_ => { })
            .Send(answer).AssertReply("picked Medium (1)")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("the last one")]
    [InlineData("big")]
    [InlineData("3")]
    public async Task FindsTheLastChoice(string answer)
    {
        await new DialogTestBot(AskForSize(Sizes)).Flow()
            .Send("hi").AssertReply(_ => { })
            .Send(answer).AssertReply("picked Large (2)")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("中杯")]
    [InlineData("中")]
    [InlineData("2")]
    [InlineData("第二个")]
    [InlineData("第二")]
    [InlineData("我要中杯")]
    public async Task FindsTheChoiceInChinese(string answer)
    {
        await new DialogTestBot(AskForSize(ChineseSizes), locale: "zh-CN").Flow()
            .Send("你好").AssertReply(_ => { })
            .Send(answer).AssertReply("picked 中杯 (1)")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("purple")]
    [InlineData("4")]
    [InlineData("the fifth one")]
    [InlineData("small or large")]
    public async Task AsksAgainWithTheButtonsWhenNoChoiceFits(string answer)
    {
        await new DialogTestBot(AskForSize(Sizes)).Flow()
            .Send("hi").AssertReply(_ => { })
            .Send(answer).AssertReply(activity =>
            {
                var message = activity.AsMessageActivity();
                Assert.Equal("Please pick one of the options. Which size?", message.Text);
                Assert.Equal(["Small", "Medium", "Large"], message.SuggestedActions.Actions.Select(action => action.Title));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ShowsTheChoicesAsSuggestedActions()
    {
        await new DialogTestBot(AskForSize(Sizes)).Flow()
            .Send("hi").AssertReply(activity =>
            {
                var message = activity.AsMessageActivity();
                Assert.Equal("Which size?", message.Text);
                Assert.Equal(InputHints.ExpectingInput, message.InputHint);
                Assert.Equal(["Small", "Medium", "Large"], message.SuggestedActions.Actions.Select(action => (string)action.Value));
                Assert.Empty(message.Attachments ?? []);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ShowsSuggestedActionsInAPersonalTeamsChatWithUpToThreeChoices()
    {
        await new DialogTestBot(AskForSize(Sizes), conversation: DialogTestBot.Teams("personal")).Flow()
            .Send("hi").AssertReply(activity => Assert.Equal(3, activity.AsMessageActivity().SuggestedActions.Actions.Count))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("groupChat", 2)]
    [InlineData("channel", 3)]
    [InlineData("personal", 4)]
    public async Task ShowsAHeroCardWhereTeamsWouldNotShowSuggestedActions(string conversationType, int choices)
    {
        Choice[] options = [.. Enumerable.Range(1, choices).Select(i => new Choice($"Option {i}"))];

        await new DialogTestBot(AskForSize(options), conversation: DialogTestBot.Teams(conversationType)).Flow()
            .Send("hi").AssertReply(activity =>
            {
                var message = activity.AsMessageActivity();
                Assert.Equal("Which size?", message.Text);
                Assert.Null(message.SuggestedActions);
                var card = Assert.Single(message.Attachments);
                Assert.Equal(HeroCard.ContentType, card.ContentType);
                var buttons = ((HeroCard)card.Content).Buttons;
                Assert.Equal(options.Select(option => option.Value), buttons.Select(button => (string)button.Value));
                Assert.All(buttons, button => Assert.Equal(ActionTypes.ImBack, button.Type));
            })
            .Send("Option 2").AssertReply("picked Option 2 (1)")
            .StartTestAsync();
    }

    [Fact]
    public async Task AChoiceCanBringItsOwnButton()
    {
        Choice[] choices =
        [
            new("track") { Action = new CardAction(ActionTypes.ImBack, "Track an order", value: "track") },
            new("new") { Action = new CardAction(ActionTypes.ImBack, "New order", value: "new") },
        ];

        await new DialogTestBot(AskForSize(choices)).Flow()
            .Send("hi").AssertReply(activity =>
                Assert.Equal(["Track an order", "New order"], activity.AsMessageActivity().SuggestedActions.Actions.Select(action => action.Title)))
            .Send("New order").AssertReply("picked new (1)")
            .StartTestAsync();
    }

    private static ComponentDialog AskForSize(IReadOnlyList<Choice> choices) =>
        TestDialogs.AskAndTell(
            new ChoicePrompt("choice"),
            new PromptOptions { Prompt = MessageFactory.Text("Which size?"), Choices = choices },
            result => result is FoundChoice found ? $"picked {found.Value} ({found.Index})" : $"unexpected {result}");
}
