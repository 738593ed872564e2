using Microsoft.Bot.Builder;

namespace CrmBot.State;

public static class StateExtensions
{
    /// <summary>Conversation and user state, stored in the project's database (<see cref="DatabaseStorage"/>).</summary>
    public static IHostApplicationBuilder AddBotState(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBotState();
        return builder;
    }

    /// <inheritdoc cref="AddBotState(IHostApplicationBuilder)"/>
    public static IServiceCollection AddBotState(this IServiceCollection services)
    {
        services.AddOptions<StoredStateOptions>();
        services.AddSingleton<DatabaseStorage>();
        services.AddSingleton<IStorage>(provider => provider.GetRequiredService<DatabaseStorage>());
        services.AddSingleton<ConversationState, DatabaseConversationState>();
        services.AddSingleton<UserState>();
        return services;
    }
}
