using System.Text.RegularExpressions;
using CrmBot.Understanding;

namespace CrmBot.Workflows.Chat;

/// <summary>What a rep asked of the workflows and the rule's name as they typed it (null: none given, or a list).</summary>
public sealed partial record WorkflowRequest(WorkflowCommand Command, string? Name = null)
{
    public static WorkflowRequest Of(RecognitionResult recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var command = recognition.Intent switch
        {
            Intent.PauseWorkflow => WorkflowCommand.Pause,
            Intent.ResumeWorkflow => WorkflowCommand.Resume,
            Intent.ReleaseHeldRuns => WorkflowCommand.Release,
            Intent.DiscardHeldRuns => WorkflowCommand.Discard,
            _ => WorkflowCommand.List,
        };
        if (command == WorkflowCommand.List)
        {
            return new(command);
        }

        var name = TrailingWords().Replace(CommandWords().Replace(recognition.Text, string.Empty), string.Empty)
            .Trim(' ', '"', '\'', '`', '“', '”', '‘', '’', '「', '」', '《', '》', ':', '：');
        return new(command, name.Length == 0 ? null : name);
    }

    /// <summary>"please pause the workflow ...", "release the held messages of ...", "帮我暂停工作流 ...".</summary>
    [GeneratedRegex(@"^\s*(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:pause|suspend|resume|unpause|un-pause|reactivate|release|discard)?\s*(?:(?:the|workflow|rule|automation|all|held|messages|runs|of|for)\s+)*(?:请)?(?:帮我)?(?:暂停|恢复|重新启用|启用|放行|丢弃)?(?:一下)?\s*(?:工作流|规则)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex CommandWords();

    /// <summary>"... workflow", "...'s held messages", "...的工作流".</summary>
    [GeneratedRegex(@"(?:\s+(?:workflow|rule|automation)|(?:'s)?\s+held\s+(?:messages|runs)|的?(?:工作流|规则|消息))?\s*[.!?。！？]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex TrailingWords();
}
