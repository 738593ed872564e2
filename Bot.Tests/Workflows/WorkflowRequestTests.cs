using CrmBot.Workflows.Chat;
using static CrmBot.Tests.Understanding.Recognition;

namespace CrmBot.Tests.Workflows;

/// <summary>What the workflow dialogs take from a rep's words: the command and the rule's name, whom and which message.</summary>
public sealed class WorkflowRequestTests
{
    [Theory]
    [InlineData("pause unpaid-order-nudge", WorkflowCommand.Pause, "unpaid-order-nudge")]
    [InlineData("please pause the unpaid-order-nudge workflow", WorkflowCommand.Pause, "unpaid-order-nudge")]
    [InlineData("resume \"order-shipped-notice\"", WorkflowCommand.Resume, "order-shipped-notice")]
    [InlineData("resume unpaid order nudge", WorkflowCommand.Resume, "unpaid order nudge")]
    [InlineData("release the held messages of welcome-new-customer", WorkflowCommand.Release, "welcome-new-customer")]
    [InlineData("discard welcome-new-customer's held messages", WorkflowCommand.Discard, "welcome-new-customer")]
    [InlineData("pause rule-of-three", WorkflowCommand.Pause, "rule-of-three")]
    [InlineData("帮我暂停工作流 unpaid-order-nudge", WorkflowCommand.Pause, "unpaid-order-nudge")]
    [InlineData("启用 unpaid-order-nudge", WorkflowCommand.Resume, "unpaid-order-nudge")]
    [InlineData("放行welcome-new-customer的消息", WorkflowCommand.Release, "welcome-new-customer")]
    [InlineData("pause", WorkflowCommand.Pause, null)]
    [InlineData("show workflows", WorkflowCommand.List, null)]
    public void ReadsTheCommandAndTheRulesName(string text, WorkflowCommand command, string? name)
    {
        var request = WorkflowRequest.Of(Recognize(text, text.Any(c => c > 0x2E80) ? "zh-CN" : "en-US"));

        Assert.Equal(new WorkflowRequest(command, name), request);
    }

    [Theory]
    [InlineData("why did Zhang San get the shipping notice?", "Zhang San", "the shipping notice")]
    [InlineData("Why did customer Alice Lee receive the welcome message", "Alice Lee", "the welcome message")]
    [InlineData("why was alice@example.com sent a reminder?", "alice@example.com", "a reminder")]
    [InlineData("why did 138 0013 8000 get a message about SO-10042?", "+8613800138000", "a message about SO-10042")]
    [InlineData("为什么张三收到了发货通知", "张三", "发货通知")]
    [InlineData("张三为什么收到付款提醒？", "张三", "付款提醒")]
    [InlineData("为什么给客户王芳发了欢迎消息", "王芳", "欢迎消息")]
    public void ReadsWhomAndWhichMessageAWhyQuestionIsAbout(string text, string customer, string message)
    {
        var request = WhyMessageRequest.Of(Recognize(text, text.Any(c => c > 0x2E80) ? "zh-CN" : "en-US"));

        Assert.Equal(new WhyMessageRequest(customer, message), request);
    }
}
