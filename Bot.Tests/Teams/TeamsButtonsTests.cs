using CrmBot.Dialogs;
using CrmBot.Tests.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CrmBot.Tests.Teams;

/// <summary>Teams shows no suggested actions on a message with attachments: such a question gets its buttons on a card.</summary>
public sealed class TeamsButtonsTests
{
    [Fact]
    public async Task AQuestionThatCarriesACardGetsItsButtonsOnACardToo()
    {
        await new DialogTestBot(ConfirmWithACard(), conversation: DialogTestBot.Teams("personal")).Flow()
            .Send("hi").AssertReply(activity =>
            {
                var message = activity.AsMessageActivity();
                Assert.Equal("Place this order?", message.Text);
                Assert.Null(message.SuggestedActions);
                Assert.Equal(2, message.Attachments.Count);
                var buttons = ((HeroCard)message.Attachments[1].Content).Buttons;
                Assert.Equal(["Yes", "No"], buttons.Select(button => button.Title));
            })
            .Send("Yes").AssertReply("confirmed: True")
            .StartTestAsync();
    }

    [Fact]
    public async Task OutsideTeamsAQuestionWithACardKeepsItsSuggestedActions()
    {
        await new DialogTestBot(ConfirmWithACard()).Flow()
            .Send("hi").AssertReply(activity =>
            {
                var message = activity.AsMessageActivity();
                Assert.Single(message.Attachments);
                Assert.Equal(["Yes", "No"], message.SuggestedActions.Actions.Select(action => action.Title));
            })
            .StartTestAsync();
    }

    private static ComponentDialog ConfirmWithACard() =>
        TestDialogs.AskAndTell(
            new ConfirmPrompt("confirm"),
            new PromptOptions
            {
                Prompt = (Activity)MessageFactory.Attachment(new HeroCard { Title = "Order summary", Text = "2 × Celadon cup" }.ToAttachment(), "Place this order?"),
            },
            result => $"confirmed: {result}");
}
