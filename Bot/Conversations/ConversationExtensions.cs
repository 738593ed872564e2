using CrmBot.Analytics;
using CrmBot.Channels;
using CrmBot.Dialogs;
using CrmBot.State;
using CrmBot.Teams;
using CrmBot.Workflows.Chat;
using CrmBot.Workflows.Engine;

namespace CrmBot.Conversations;

public static class ConversationExtensions
{
    /// <summary>
    /// The dialogs and the bot that runs them (dialogs are scoped: they use the request's domain services), with Teams'
    /// line breaks put right.
    /// </summary>
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddConversationDialogs();
        builder.Services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, TeamsLineBreaks>();
        builder.AddBotFramework<DialogBot>();
        return builder;
    }

    public static IServiceCollection AddConversationDialogs(this IServiceCollection services)
    {
        services.Configure<StoredStateOptions>(options => options.PropertyTypes[DialogBot.DialogStateProperty] = typeof(DialogState));
        services.AddSingleton<OrderTimelineMessage>();
        services.AddScoped<TrackOrderDialog>();
        services.AddSingleton<OrderLookupLimiter>();
        services.AddScoped<ProcessOrderDialog>();
        services.AddScoped<ProductMatcher>();
        services.AddScoped<BrowseProductsDialog>();
        services.AddSingleton<PaymentInstructions>();
        services.AddScoped<PlaceOrderDialog>();
        services.AddSingleton<RepOnly>();
        services.AddSingleton<PurchaseScoreText>();
        services.AddSingleton<CallPlanMessage>();
        services.AddSingleton<CustomerProfileMessage>();
        services.AddScoped<FindCustomerDialog>();
        services.AddScoped<LogInteractionDialog>();
        services.AddScoped<SetReminderDialog>();
        services.AddScoped<ListRemindersDialog>();
        services.AddScoped<CancelOwnOrderDialog>();
        services.AddScoped<AskForHumanDialog>();
        services.AddScoped<MessageConsentDialog>();
        services.AddScoped<UpdateContactDialog>();
        services.AddScoped<CallPlanDialog>();
        services.AddScoped<CustomerDataDialog>();
        services.AddAnalyticsCharts().AddScoped<AnalyticsDialog>();
        services.AddWorkflowChat();
        services.AddScoped<MainDialog>();
        services.AddScoped<InstallationGreeting>();
        services.AddSingleton<ReminderCard>();
        services.AddScoped<ReminderButtons>();
        services.AddScoped<WorkflowButtons>();
        services.AddScoped<LanguageSwitch>();
        services.AddScoped<DialogBot>();
        return services;
    }
}
