using CrmBot.Dialogs;
using CrmBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace CrmBot.Tests.Dialogs;

/// <summary>
/// Runs a root dialog on a TestAdapter as the bot does: the turn culture middleware, <see cref="DialogExtensions.RunAsync"/>,
/// conversation state saved after the turn. Each turn builds a new ConversationState, so everything a dialog keeps
/// comes back from storage.
/// </summary>
internal sealed class DialogTestBot
{
    public const string StateProperty = nameof(DialogState);

    /// <summary>How long AssertNoReply waits (TestFlow's default is 3 s): the TestAdapter queues replies before the turn ends.</summary>
    public const uint NoReplyTimeout = 50;

    private readonly Dialog _root;

    public DialogTestBot(Dialog root, IStorage? storage = null, string locale = "en-US", ConversationReference? conversation = null)
    {
        _root = root;
        Storage = storage ?? new JsonTextStorage();
        Adapter = new TestAdapter(conversation ?? TestAdapter.CreateConversation("test")) { Locale = locale };
        Adapter.Use(new TurnCultureMiddleware(
            new SupportedCultures(Options.Create(new LanguageOptions { DefaultCulture = "en", SupportedCultures = ["en", "zh-CN"] })),
            new LanguageMemory(new ConversationState(Storage), new UserState(Storage))));
    }

    public IStorage Storage { get; }

    public TestAdapter Adapter { get; }

    /// <summary>The result of every turn, in order.</summary>
    public List<DialogTurnResult> Results { get; } = [];

    /// <summary>The storage key of the conversation's state.</summary>
    public string StateKey => $"{Adapter.Conversation.ChannelId}/conversations/{Adapter.Conversation.Conversation.Id}";

    public static ConversationReference Teams(string conversationType)
    {
        var conversation = TestAdapter.CreateConversation("teams-conversation");
        conversation.ChannelId = "msteams";
        conversation.Conversation.ConversationType = conversationType;
        conversation.Conversation.IsGroup = conversationType != "personal";
        return conversation;
    }

    public TestFlow Flow() => new(Adapter, TurnAsync);

    private async Task TurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversationState = new ConversationState(Storage);
        var result = await _root.RunAsync(turnContext, conversationState.CreateProperty<DialogState>(StateProperty), cancellationToken);
        Results.Add(result);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }
}
