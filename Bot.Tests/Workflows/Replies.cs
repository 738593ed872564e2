using Microsoft.Bot.Schema;

namespace CrmBot.Tests.Workflows;

/// <summary>A reply's text as the workflow dialog tests compare it.</summary>
internal static class Replies
{
    /// <summary>The text with plain line ends and spaces (ICU writes "5:00 PM" with a narrow no-break space).</summary>
    public static string Text(IActivity reply) => reply.AsMessageActivity().Text.ReplaceLineEndings("\n").Replace('\u202F', ' ');

    /// <summary>The text's paragraphs, which blank lines part.</summary>
    public static string[] Paragraphs(IActivity reply) => Text(reply).Split("\n\n");
}
