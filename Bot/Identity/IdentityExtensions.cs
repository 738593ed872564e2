using Microsoft.Bot.Builder;

namespace CrmBot.Identity;

public static class IdentityExtensions
{
    /// <summary>Resolves who is talking on every turn (<see cref="CallerMiddleware"/>), from the "Teams" settings.</summary>
    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section);
        builder.Services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, CallerMiddleware>();
        return builder;
    }

    /// <summary>The caller <see cref="CallerMiddleware"/> resolved for this turn (anonymous if it did not run).</summary>
    public static Caller Caller(this ITurnContext turnContext) => turnContext.TurnState.Get<Caller>() ?? Identity.Caller.Anonymous;
}
