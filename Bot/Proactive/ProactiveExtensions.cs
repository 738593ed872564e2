namespace CrmBot.Proactive;

public static class ProactiveExtensions
{
    /// <summary>Conversation references kept on every turn, and the messenger that continues them.</summary>
    public static IHostApplicationBuilder AddProactive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConversationReferenceStore>();
        builder.Services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, ConversationReferenceMiddleware>();
        builder.Services.AddSingleton<ProactiveMessenger>();
        return builder;
    }
}
