using CrmBot.Channels;
using CrmBot.Domain.Persistence;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using BotChannels = Microsoft.Bot.Connector.Channels;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Identity;

/// <summary>
/// Puts the turn's <see cref="Caller"/> into the turn state. A channel layer that authenticated the user
/// itself (the Direct Line endpoint, from the token it signed) sets the caller before this runs; otherwise
/// Teams users are matched to sales reps by their AAD object id, within the allowed tenants, and everyone
/// else is an anonymous visitor. In Teams the bot's own @mention is removed from the text.
/// </summary>
public sealed class CallerMiddleware(IDbContextFactory<CrmDbContext> contexts, IOptions<TeamsOptions> teams) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.TurnState.Get<Caller>() is null)
        {
            turnContext.TurnState.Set(await ResolveAsync(turnContext.Activity, cancellationToken));
        }

        if (turnContext.Activity.ChannelId == BotChannels.Msteams && turnContext.Activity.Type == ActivityTypes.Message)
        {
            turnContext.Activity.RemoveRecipientMention();
            turnContext.Activity.Text = turnContext.Activity.Text?.Trim();
        }

        await next(cancellationToken);
    }

    private async Task<Caller> ResolveAsync(Activity activity, CancellationToken ct)
    {
        if (activity.ChannelId != BotChannels.Msteams)
        {
            return Caller.Anonymous;
        }

        var name = activity.From?.Name ?? "Teams user";
        var allowed = teams.Value.AllowedTenants;
        if (allowed.Count > 0 && !allowed.Contains(activity.TenantId() ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            return Caller.Stranger(name);
        }

        var aadObjectId = activity.From?.AadObjectId;
        if (string.IsNullOrEmpty(aadObjectId))
        {
            return Caller.Stranger(name);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var rep = await db.SalesReps.AsNoTracking()
            .Where(r => r.AadObjectId == aadObjectId)
            .Select(r => new { r.Id, r.DisplayName, r.TimeZone })
            .FirstOrDefaultAsync(ct);
        return rep is null ? Caller.Stranger(name) : Caller.Rep(rep.Id, rep.DisplayName, rep.TimeZone);
    }
}
