using CrmBot.Understanding;
using static CrmBot.Tests.Understanding.Recognition;

namespace CrmBot.Tests.Understanding;

/// <summary>What the bot reads in English sentences, at 09:00 on 25 November 2026 in Shanghai.</summary>
public sealed class EnglishUtteranceTests
{
    [Theory]
    [InlineData("track SO-10042", Intent.TrackOrder, "orderNumber SO-10042")]
    [InlineData("where is my order SO-10042?", Intent.TrackOrder, "orderNumber SO-10042")]
    [InlineData("new order", Intent.PlaceOrder)]
    [InlineData("I want to buy 3 blue mugs", Intent.PlaceOrder, "quantity 3")]
    [InlineData("find customer alice@example.com", Intent.FindCustomer, "email alice@example.com")]
    [InlineData("look up 138 0013 8000", Intent.FindCustomer, "phoneNumber +8613800138000")]
    [InlineData("refund 20 on SO-10042", Intent.RefundOrder, "money 20", "orderNumber SO-10042")]
    [InlineData("SO-10042 refund ¥20 damaged", Intent.RefundOrder, "orderNumber SO-10042", "money 20 CNY")]
    [InlineData("ship SO-10042 with SF Express SF1234567890", Intent.ShipOrder, "orderNumber SO-10042", "carrier SF Express", "trackingNumber SF1234567890")]
    [InlineData("mark SO-10042 delivered", Intent.DeliverOrder, "orderNumber SO-10042")]
    [InlineData("payment received for SO-10042", Intent.RecordPayment, "orderNumber SO-10042")]
    [InlineData("remind me to call Alice tomorrow at 10", Intent.SetReminder, "personName Alice", "dateTime 2026-11-26T10:00:00+08:00")]
    [InlineData("my reminders", Intent.ListReminders)]
    [InlineData("done 2", Intent.CompleteReminder, "number 2")]
    [InlineData("complete reminder 2", Intent.CompleteReminder, "number 2")]
    [InlineData("cancel reminder 2", Intent.CancelReminder, "number 2")]
    [InlineData("who should I call today?", Intent.CallPlan, "dateTime 2026-11-25T00:00:00+08:00")]
    [InlineData("my call list", Intent.CallPlan)]
    [InlineData("score alice@example.com", Intent.ScoreCustomer, "email alice@example.com")]
    [InlineData("how likely is Alice to buy?", Intent.ScoreCustomer)]
    [InlineData("please delete reminder #3", Intent.CancelReminder, "number 3")]
    [InlineData("workflows", Intent.ListWorkflows)]
    [InlineData("pause unpaid-order-nudge", Intent.PauseWorkflow)]
    [InlineData("resume unpaid-order-nudge", Intent.ResumeWorkflow)]
    [InlineData("release welcome-new-customer", Intent.ReleaseHeldRuns)]
    [InlineData("discard welcome-new-customer", Intent.DiscardHeldRuns)]
    [InlineData("why did alice@example.com get the shipping notice?", Intent.ExplainMessage, "email alice@example.com")]
    [InlineData("stop sending me messages", Intent.OptOut)]
    [InlineData("talk to a human", Intent.Human)]
    [InlineData("help", Intent.Help)]
    [InlineData("cancel", Intent.Cancel)]
    [InlineData("menu", Intent.Menu)]
    [InlineData("hi", Intent.Greeting)]
    public void ReadsTheIntentAndEntitiesOfEachExample(string text, Intent intent, params string[] entities)
    {
        var result = Recognize(text);

        Assert.Equal(intent, result.Intent);
        Assert.InRange(result.Score, UtteranceRecognizer.Threshold, 1);
        Assert.Equal(entities, Entities(result));
        Assert.Equal("en-US", result.Culture);
    }

    [Theory]
    [InlineData("hey, where's my package?", Intent.TrackOrder)]
    [InlineData("has my order shipped yet?", Intent.TrackOrder)]
    [InlineData("was SO-10042 delivered?", Intent.TrackOrder)]
    [InlineData("any update on order 10042", Intent.TrackOrder)]
    [InlineData("when will my mugs arrive", Intent.TrackOrder)]
    [InlineData("I still haven't received my order", Intent.TrackOrder)]
    [InlineData("I'd like to order two teapots", Intent.PlaceOrder)]
    [InlineData("add 2 cups to my cart", Intent.PlaceOrder)]
    [InlineData("what do you sell", Intent.BrowseProducts)]
    [InlineData("do you have green mugs?", Intent.BrowseProducts)]
    [InlineData("please cancel my order SO-10042", Intent.CancelOrder)]
    [InlineData("I don't want my order anymore", Intent.CancelOrder)]
    [InlineData("I need to change my phone number", Intent.UpdateContact)]
    [InlineData("my new email is bob@example.com", Intent.UpdateContact)]
    [InlineData("unsubscribe", Intent.OptOut)]
    [InlineData("don't message me again", Intent.OptOut)]
    [InlineData("start sending me updates again", Intent.OptIn)]
    [InlineData("can I speak to someone", Intent.Human)]
    [InlineData("who is 13800138000", Intent.FindCustomer)]
    [InlineData("open customer Bob Lee", Intent.FindCustomer)]
    [InlineData("customer paid 50 dollars for SO-10042", Intent.RecordPayment)]
    [InlineData("mark SO-10042 as paid", Intent.RecordPayment)]
    [InlineData("SO-10042 shipped via DHL 1234567890", Intent.ShipOrder)]
    [InlineData("SO-10042 delivered today", Intent.DeliverOrder)]
    [InlineData("I want my money back", Intent.RefundOrder)]
    [InlineData("log a call with Bob: wants a discount", Intent.LogInteraction)]
    [InlineData("spoke with Alice, she will order next week", Intent.LogInteraction)]
    [InlineData("set a reminder for friday 3pm", Intent.SetReminder)]
    [InlineData("follow up with Bob next Monday", Intent.SetReminder)]
    [InlineData("show my reminders", Intent.ListReminders)]
    [InlineData("list workflows", Intent.ListWorkflows)]
    [InlineData("show workflows", Intent.ListWorkflows)]
    [InlineData("which automations do we have?", Intent.ListWorkflows)]
    [InlineData("please pause the unpaid-order-nudge workflow", Intent.PauseWorkflow)]
    [InlineData("unpause order-shipped-notice", Intent.ResumeWorkflow)]
    [InlineData("resume vip-notifications", Intent.ResumeWorkflow)]
    [InlineData("release the held messages of welcome-new-customer", Intent.ReleaseHeldRuns)]
    [InlineData("discard order-shipped-notice", Intent.DiscardHeldRuns)]
    [InlineData("why did Zhang San receive the unpaid order nudge?", Intent.ExplainMessage)]
    [InlineData("why was bob@example.com sent a reminder", Intent.ExplainMessage)]
    [InlineData("why did customer Alice get the order status update?", Intent.ExplainMessage)]
    [InlineData("what can you do?", Intent.Help)]
    [InlineData("never mind", Intent.Cancel)]
    [InlineData("start over", Intent.Menu)]
    [InlineData("Good morning!", Intent.Greeting)]
    public void ReadsPhrasingsBeyondTheExamples(string text, Intent intent)
    {
        var result = Recognize(text);

        Assert.Equal(intent, result.Intent);
    }

    [Theory]
    [InlineData("I like turtles")]
    [InlineData("the weather is nice")]
    [InlineData("asdfgh")]
    [InlineData("thanks")]
    public void AnswersNoneWithScoreZeroWhenNothingMatches(string text)
    {
        var result = Recognize(text);

        Assert.Equal(Intent.None, result.Intent);
        Assert.Equal(0, result.Score);
        Assert.Empty(result.Intents);
    }
}
