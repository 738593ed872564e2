using CrmBot.Domain.Proactive;
using System.Globalization;
using CrmBot.Channels;
using CrmBot.Domain.WebChat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.DirectLine;

/// <summary>
/// Runs the bot for the Direct Line endpoint, in process: the same middleware, bot and dialogs as /api/messages,
/// with the caller the token vouched for, and the bot's replies written to the conversation for the client to
/// poll. Proactive messages (<see cref="BotAdapter.ContinueConversationAsync(string, ConversationReference, BotCallbackHandler, CancellationToken)"/>)
/// reach web chat users the same way.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter
{
    /// <summary>The service URL of this endpoint's activities, telling its conversation references from other channels'.</summary>
    public const string ServiceUrl = "urn:crmbot:directline";

    private readonly DirectLineStore _store;
    private readonly DirectLineCallers _callers;
    private readonly ConversationLocks _locks;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _clock;

    public DirectLineAdapter(
        IEnumerable<IMiddleware> middleware,
        TurnErrorHandler errors,
        DirectLineStore store,
        DirectLineCallers callers,
        ConversationLocks locks,
        IOptions<DirectLineOptions> options,
        TimeProvider clock)
    {
        _store = store;
        _callers = callers;
        _locks = locks;
        _options = options.Value;
        _clock = clock;
        foreach (var step in middleware)
        {
            Use(step);
        }

        OnTurnError = errors.HandleAsync;
    }

    public ChannelAccount Bot => new(_options.BotId, _options.BotName, RoleTypes.Bot);

    /// <summary>Runs one turn of <paramref name="conversation"/>, after the turns already running in it.</summary>
    public async Task ProcessAsync(DirectLineConversation conversation, Activity activity, BotCallbackHandler callback, CancellationToken ct)
    {
        using var turnLock = await _locks.AcquireAsync(conversation.Id, ct);
        using var turnContext = new TurnContext(this, activity);
        turnContext.TurnState.Set(await _callers.ResolveAsync(conversation, ct));
        await RunPipelineAsync(turnContext, callback, ct);
    }

    /// <summary>The activity a client posted, as the bot receives it: on this channel, to the bot, stamped now.</summary>
    public Activity Incoming(DirectLineConversation conversation, Activity posted)
    {
        posted.ChannelId = Microsoft.Bot.Connector.Channels.Directline;
        posted.ServiceUrl = ServiceUrl;
        posted.Conversation = new ConversationAccount(id: conversation.Id);
        posted.From = new ChannelAccount(conversation.UserId, posted.From?.Name ?? conversation.UserName, RoleTypes.User);
        posted.Recipient = Bot;
        posted.Timestamp = _clock.GetUtcNow();
        return posted;
    }

    /// <summary>What the channel tells the bot when a client starts the conversation: the bot and the user joined.</summary>
    public Activity Started(DirectLineConversation conversation, string? locale)
    {
        var user = new ChannelAccount(conversation.UserId, conversation.UserName, RoleTypes.User);
        var activity = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = Guid.NewGuid().ToString("N"),
            MembersAdded = [Bot, user],
            Locale = locale,
        };
        return Incoming(conversation, activity);
    }

    public override async Task ContinueConversationAsync(
        string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversation = await _store.FindAsync(reference.Conversation.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Direct Line conversation {reference.Conversation.Id} no longer exists.");
        await ProcessAsync(conversation, reference.GetContinuationActivity(), callback, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(
        ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var conversationId = turnContext.Activity.Conversation.Id;
        var responses = new ResourceResponse[activities.Length];
        var outgoing = new List<(int Index, string Json)>();
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            responses[i] = new ResourceResponse();
            switch (activity.Type)
            {
                case ActivityTypesEx.Delay:
                    await Task.Delay(DelayOf(activity), _clock, cancellationToken);
                    break;
                case ActivityTypes.Trace:
                case ActivityTypesEx.InvokeResponse:
                    // Traces are for the Emulator; invoke responses answer an HTTP request this channel does not have.
                    break;
                default:
                    activity.ChannelId = Microsoft.Bot.Connector.Channels.Directline;
                    activity.ServiceUrl = ServiceUrl;
                    activity.Conversation = new ConversationAccount(id: conversationId);
                    activity.From = Bot;
                    activity.Timestamp = _clock.GetUtcNow();

                    // The bot writes plain text with line breaks; Web Chat would read it as markdown and run the lines together.
                    if (activity.Type == ActivityTypes.Message)
                    {
                        activity.TextFormat ??= TextFormatTypes.Plain;
                    }

                    outgoing.Add((i, ActivityJson.Write(activity)));
                    break;
            }
        }

        if (outgoing.Count > 0)
        {
            var sequences = await _store.AppendAsync(conversationId, [.. outgoing.Select(o => o.Json)], turnContext.TurnState.Get<DeliveryClaim>(), cancellationToken);
            for (var i = 0; i < outgoing.Count; i++)
            {
                responses[outgoing[i].Index].Id = DirectLineActivityJson.Id(conversationId, sequences[i]);
            }
        }

        return responses;
    }

    /// <summary>A delay activity's milliseconds (one second when it says none), at most ten seconds.</summary>
    private static TimeSpan DelayOf(Activity activity)
    {
        var milliseconds = activity.Value is IConvertible value ? value.ToDouble(CultureInfo.InvariantCulture) : 1000;
        return TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 0, 10_000));
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The web chat channel does not update activities.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The web chat channel does not delete activities.");
}
