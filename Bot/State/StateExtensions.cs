using Microsoft.Bot.Builder;

namespace CrmBot.State;

public static class StateExtensions
{
    /// <summary>Conversation and user state, stored in the project's database (<see cref="DatabaseStorage"/>).</summary>
    public static IHostApplicationBuilder AddBotState(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoredStateOptions>();
        builder.Services.AddSingleton<IStorage, DatabaseStorage>();
        builder.Services.AddSingleton<ConversationState>();
        builder.Services.AddSingleton<UserState>();
        return builder;
    }
}
