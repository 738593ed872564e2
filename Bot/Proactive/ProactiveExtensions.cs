namespace CrmBot.Proactive;

public static class ProactiveExtensions
{
    /// <summary>Conversation references kept on every turn, the messenger that continues them, and what it sends when.</summary>
    public static IHostApplicationBuilder AddProactive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConversationReferenceStore>();
        builder.Services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, ConversationReferenceMiddleware>();
        builder.Services.AddSingleton<ProactiveMessenger>();
        builder.Services.AddOptions<ProactiveOptions>().BindConfiguration(ProactiveOptions.Section);
        builder.Services.AddSingleton<QuietHours>();
        builder.Services.AddSingleton<OnceSender>();
        builder.Services.AddSingleton<CustomerNotifier>();
        builder.Services.AddSingleton<ReminderDelivery>();
        builder.Services.AddSingleton<DailyDigest>();
        return builder;
    }
}
