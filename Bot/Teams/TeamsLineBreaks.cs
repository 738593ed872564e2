using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Teams;

/// <summary>
/// Teams reads a message's text as Markdown and drops a single line break, so lists (reminders, the digest, a
/// profile) would run together on one line; each single break going to Teams becomes a paragraph break, which
/// Teams shows as one line break. Web Chat gets its messages as plain text and keeps them as they are.
/// </summary>
public sealed partial class TeamsLineBreaks : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams)
        {
            turnContext.OnSendActivities(async (context, activities, nextSend) =>
            {
                foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message && a.Text is not null && a.TextFormat is null or TextFormatTypes.Markdown))
                {
                    activity.Text = SingleBreak().Replace(activity.Text.ReplaceLineEndings("\n"), "\n\n");
                }

                return await nextSend();
            });
        }

        await next(cancellationToken);
    }

    [GeneratedRegex(@"(?<!\n)\n(?!\n)")]
    private static partial Regex SingleBreak();
}
