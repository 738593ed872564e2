using CrmBot.Conversations;
using CrmBot.Domain.Persistence;
using CrmBot.Identity;
using CrmBot.Language;
using CrmBot.State;
using CrmBot.Tests.Support;
using CrmBot.Understanding;
using CrmBot.Workflows;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Tests.Conversations;

/// <summary>
/// The real bot (DialogBot, MainDialog and its dialogs, the recogniser, state in the database) on a TestAdapter.
/// Each turn runs in its own service scope, as each HTTP request does; the caller is set as a channel would.
/// </summary>
internal sealed class ConversationTestHost : IAsyncDisposable
{
    private ConversationTestHost(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static Task<ConversationTestHost> CreateAsync(CancellationToken ct) => CreateAsync(DatabaseProvider.Sqlite, ct);

    public static async Task<ConversationTestHost> CreateAsync(DatabaseProvider provider, CancellationToken ct) =>
        new(await TestDatabase.CreateAsync(provider, ct, services =>
        {
            services.AddTranslatableLocalization();
            services.AddSingleton(Options.Create(new LanguageOptions { DefaultCulture = "en", SupportedCultures = ["en", "zh-CN"] }));
            services.AddSingleton<SupportedCultures>();
            services.AddSingleton<LanguageMemory>();
            services.AddSingleton<TurnCultureMiddleware>();
            services.AddSingleton<IIntentClassifier, RuleIntentClassifier>();
            services.AddSingleton<IUtteranceRecognizer, UtteranceRecognizer>();
            services.AddBotState();

            // The sales workflows: the shipped defaults, and the test's own workflows.json (see UseWorkflowsAsync).
            services.AddSingleton<IHostEnvironment>(provider => new HostingEnvironment
            {
                EnvironmentName = Environments.Development,
                ContentRootPath = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDirectory,
            });
            services.AddOptions<WorkflowsOptions>();
            services.AddSingleton<WorkflowCatalog>();
            services.AddConversationDialogs();
        }));

    /// <summary>Writes the workflows file (over the shipped defaults) and has the catalog read it now.</summary>
    public async Task UseWorkflowsAsync(string json, CancellationToken ct)
    {
        var catalog = Database.Services.GetRequiredService<WorkflowCatalog>();
        await File.WriteAllTextAsync(catalog.FilePath, json, ct);
        catalog.Reload();
    }

    /// <summary>
    /// A conversation with <paramref name="caller"/>; pass the same <paramref name="conversationId"/> to continue one. The
    /// caller is known before the turn's culture is chosen, as the channels set it.
    /// </summary>
    public TestFlow Flow(Caller caller, string locale = "en-US", string conversationId = "conversation-1", bool restarted = false, string userId = "User1")
    {
        var reference = TestAdapter.CreateConversation(conversationId, userId);
        var adapter = new TestAdapter(reference) { Locale = locale };
        adapter.Use(new FixedCaller(caller));
        adapter.Use(Database.Services.GetRequiredService<TurnCultureMiddleware>());
        return new TestFlow(adapter, async (turnContext, ct) =>
        {
            await using var scope = Database.CreateScope();
            var bot = restarted
                ? ActivatorUtilities.CreateInstance<DialogBot>(scope.ServiceProvider, FreshConversationState())
                : scope.ServiceProvider.GetRequiredService<DialogBot>();
            await bot.OnTurnAsync(turnContext, ct);
        });
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    /// <summary>State objects as a newly started process would build them, over the same database.</summary>
    private DatabaseConversationState FreshConversationState() =>
        new(ActivatorUtilities.CreateInstance<DatabaseStorage>(Database.Services));

    private sealed class FixedCaller(Caller caller) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.TurnState.Set(caller);
            return next(cancellationToken);
        }
    }
}
