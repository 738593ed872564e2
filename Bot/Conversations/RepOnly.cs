using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>The door of the rep dialogs: customers and visitors get a polite refusal, whatever they typed.</summary>
public sealed class RepOnly(IStringLocalizer<RepOnly> text)
{
    /// <summary>True (and the caller told so) when the caller is not a rep.</summary>
    public async Task<bool> RefusedAsync(ITurnContext turnContext, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Caller().IsRep)
        {
            return false;
        }

        await turnContext.SendActivityAsync(text["Refused"], cancellationToken: ct);
        return true;
    }
}
