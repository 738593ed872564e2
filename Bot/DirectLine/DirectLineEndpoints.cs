using System.Globalization;
using System.Text.Json;
using CrmBot.Channels;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.WebChat;
using CrmBot.Privacy;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.DirectLine;

/// <summary>
/// A Direct Line 3.0 endpoint under /v3/directline, enough for Web Chat and botframework-directlinejs with polling
/// (<c>createDirectLine({ domain, token, webSocket: false })</c>), and the web chat page's visitor token.
/// </summary>
public static class DirectLineEndpoints
{
    public const string VisitorTokenPath = "/api/webchat/token";

    /// <summary>The largest activity a client may post; the schema's own activities are a few KB.</summary>
    public const int MaxActivityBytes = 256 * 1024;

    private const int MaxTokenRequestBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var directLine = endpoints.MapGroup("/v3/directline").RequireCors(DirectLineExtensions.CorsPolicy);
        directLine.MapPost("/tokens/generate", GenerateTokenAsync);
        directLine.MapPost("/tokens/refresh", RefreshTokenAsync);
        directLine.MapPost("/conversations", StartConversationAsync);
        directLine.MapGet("/conversations/{conversationId}", ReconnectAsync);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        // Clients read errors in the protocol's shape, also for a path or method the endpoint does not have.
        directLine.MapFallback("{**path}", () => DirectLineError.NotFound("The Direct Line endpoint has no such operation."));

        endpoints.MapPost(VisitorTokenPath, VisitorTokenAsync).RequireRateLimiting(DirectLineExtensions.VisitorTokenLimit);
        return endpoints;
    }

    private static async Task<IResult> VisitorTokenAsync(DirectLineStore store, DirectLineTokens tokens, CancellationToken ct)
    {
        var user = DirectLineUser.NewVisitor();
        var conversation = await store.CreateAsync(user, ct);
        var token = tokens.Issue(conversation.Id, user);
        return TypedResults.Ok(new VisitorToken(token.Token, conversation.Id, user.Id, token.ExpiresIn));
    }

    private static async Task<IResult> GenerateTokenAsync(
        HttpRequest request, DirectLineGrants grants, DirectLineStore store, DirectLineTokens tokens,
        IDbContextFactory<CrmDbContext> contexts, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        var (grant, error) = await grants.ReadAsync(request);
        if (grant is not DirectLineGrant.Secret)
        {
            return error ?? DirectLineError.Forbidden("Only the Direct Line secret can generate tokens; a token is refreshed instead.");
        }

        var (parameters, invalid) = await ReadTokenParametersAsync(request, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        DirectLineUser user;
        if (parameters?.User?.Id is null)
        {
            user = DirectLineUser.NewVisitor();
        }
        else if (!DirectLineUser.TryParse(parameters.User.Id, parameters.User.Name, out user!))
        {
            return DirectLineError.BadArgument(
                $"user.id must have 1 to {DirectLineConversation.UserIdMaxLength} printable characters; CRM users are " +
                $"'{DirectLineUser.CustomerPrefix}<customer id>' or '{DirectLineUser.RepPrefix}<rep id>'.");
        }

        if (await RefuseUserAsync(user, contexts, options.Value, ct) is { } refused)
        {
            return refused;
        }

        var conversation = await store.CreateAsync(user, ct);
        return TypedResults.Ok(Describe(conversation.Id, tokens.Issue(conversation.Id, user)));
    }

    private static async Task<IResult?> RefuseUserAsync(
        DirectLineUser user, IDbContextFactory<CrmDbContext> contexts, DirectLineOptions options, CancellationToken ct)
    {
        if (user.RepId is { } repId)
        {
            if (!options.AllowRepTokens)
            {
                return DirectLineError.Forbidden("Tokens for sales reps are switched off (DirectLine:AllowRepTokens); reps use Microsoft Teams.");
            }

            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.SalesReps.AnyAsync(r => r.Id == repId, ct) ? null : DirectLineError.BadArgument($"There is no sales rep {repId}.");
        }

        if (user.CustomerId is { } customerId)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Customers.AnyAsync(c => c.Id == customerId, ct) ? null : DirectLineError.BadArgument($"There is no customer {customerId}.");
        }

        return null;
    }

    private static async Task<IResult> RefreshTokenAsync(
        HttpRequest request, DirectLineGrants grants, DirectLineStore store, DirectLineTokens tokens, CancellationToken ct)
    {
        var (grant, error) = await grants.ReadAsync(request);
        if (grant is not DirectLineGrant.Token token)
        {
            return error ?? DirectLineError.BadArgument("Only a token can be refreshed; the secret does not expire.");
        }

        return await store.FindAsync(token.ConversationId, ct) is null
            ? ConversationNotFound()
            : TypedResults.Ok(Describe(token.ConversationId, tokens.Issue(token.ConversationId, token.User)));
    }

    private static async Task<IResult> StartConversationAsync(
        HttpRequest request, DirectLineGrants grants, DirectLineStore store, DirectLineTokens tokens,
        DirectLineAdapter adapter, IBot bot, CancellationToken ct)
    {
        var (grant, error) = await grants.ReadAsync(request);
        if (grant is null)
        {
            return error!;
        }

        DirectLineConversation? conversation;
        DirectLineUser user;
        if (grant is DirectLineGrant.Token token)
        {
            conversation = await store.FindAsync(token.ConversationId, ct);
            user = token.User;
        }
        else
        {
            user = DirectLineUser.NewVisitor();
            conversation = await store.CreateAsync(user, ct);
        }

        if (conversation is null)
        {
            return ConversationNotFound();
        }

        var started = await StartAsync(conversation, PreferredLocale(request), store, adapter, bot, ct);
        var body = Describe(conversation.Id, tokens.Issue(conversation.Id, user));
        return started ? TypedResults.Created((string?)null, body) : TypedResults.Ok(body);
    }

    private static async Task<IResult> ReconnectAsync(
        string conversationId, HttpRequest request, DirectLineGrants grants, DirectLineStore store, DirectLineTokens tokens, CancellationToken ct)
    {
        var (grant, error) = await grants.ReadAsync(request);
        if (grant is null || !grant.Covers(conversationId))
        {
            return error ?? OtherConversation();
        }

        if (await store.FindAsync(conversationId, ct) is not { } conversation)
        {
            return ConversationNotFound();
        }

        var user = grant is DirectLineGrant.Token token
            ? token.User
            : new DirectLineUser(conversation.UserId, conversation.UserName, conversation.CustomerId, conversation.RepId);
        return TypedResults.Ok(Describe(conversationId, tokens.Issue(conversationId, user)));
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineGrants grants, DirectLineStore store,
        DirectLineAdapter adapter, IBot bot, ILoggerFactory loggers, CancellationToken ct)
    {
        var (grant, error) = await grants.ReadAsync(request);
        if (grant is null || !grant.Covers(conversationId))
        {
            return error ?? OtherConversation();
        }

        var (posted, invalid) = await ReadActivityAsync(request, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        if (grant is DirectLineGrant.Token token && posted!.From.Id != token.User.Id)
        {
            return DirectLineError.Forbidden($"The token is for user '{token.User.Id}'; it cannot post as '{posted.From.Id}'.");
        }

        if (await store.FindAsync(conversationId, ct) is not { } conversation)
        {
            return ConversationNotFound();
        }

        try
        {
            await StartAsync(conversation, posted!.Locale ?? PreferredLocale(request), store, adapter, bot, ct);
            var activity = adapter.Incoming(conversation, posted);
            var sequences = await store.AppendAsync(conversationId, [ActivityJson.Write(activity)], claim: null, ct);
            activity.Id = DirectLineActivityJson.Id(conversationId, sequences[0]);
            await adapter.ProcessAsync(conversation, activity, bot.OnTurnAsync, ct);
            return TypedResults.Ok(new ResourceResponse(activity.Id));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The adapter's error handler already answered the user; this is the handler failing too.
            loggers.CreateLogger(typeof(DirectLineEndpoints)).LogError(exception.Redacted(), "A Direct Line turn failed in conversation {ConversationId}", conversationId);
            return DirectLineError.BotError();
        }
    }

    private static async Task<IResult> GetActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineGrants grants, DirectLineStore store, CancellationToken ct)
    {
        var (grant, error) = await grants.ReadAsync(request);
        if (grant is null || !grant.Covers(conversationId))
        {
            return error ?? OtherConversation();
        }

        long after = 0;
        if (!string.IsNullOrEmpty(watermark) && (!long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return DirectLineError.BadArgument("The watermark is not one this endpoint gave out.");
        }

        if (await store.ReadAsync(conversationId, after, ct) is not { } activities)
        {
            return ConversationNotFound();
        }

        var next = activities.Count > 0 ? activities[^1].Sequence : after;
        return TypedResults.Content(DirectLineActivityJson.ActivitySet(activities, next), "application/json");
    }

    /// <summary>Tells the bot the conversation started, once; true for the call that did.</summary>
    private static async Task<bool> StartAsync(
        DirectLineConversation conversation, string? locale, DirectLineStore store, DirectLineAdapter adapter, IBot bot, CancellationToken ct)
    {
        if (conversation.StartedAt is not null || !await store.TryStartAsync(conversation.Id, ct))
        {
            return false;
        }

        await adapter.ProcessAsync(conversation, adapter.Started(conversation, locale), bot.OnTurnAsync, ct);
        return true;
    }

    private static async Task<(Activity? Activity, IResult? Error)> ReadActivityAsync(HttpRequest request, CancellationToken ct)
    {
        if (await ReadBodyAsync(request, MaxActivityBytes, ct) is not { } body)
        {
            return (null, DirectLineError.TooLarge(MaxActivityBytes));
        }

        Activity? activity;
        try
        {
            activity = ActivityJson.Read(body);
        }
        catch (Newtonsoft.Json.JsonException exception)
        {
            return (null, DirectLineError.BadArgument($"The body is not a JSON activity: {exception.Message}"));
        }

        if (activity is null)
        {
            return (null, DirectLineError.BadArgument("The body is empty; post one activity as a JSON object."));
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return (null, DirectLineError.MissingProperty("type"));
        }

        return string.IsNullOrWhiteSpace(activity.From?.Id) ? (null, DirectLineError.MissingProperty("from.id")) : (activity, null);
    }

    private static async Task<(TokenParameters? Parameters, IResult? Error)> ReadTokenParametersAsync(HttpRequest request, CancellationToken ct)
    {
        if (await ReadBodyAsync(request, MaxTokenRequestBytes, ct) is not { } body)
        {
            return (null, DirectLineError.TooLarge(MaxTokenRequestBytes));
        }

        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<TokenParameters>(body, JsonSerializerOptions.Web, ct), null);
        }
        catch (JsonException exception)
        {
            return (null, DirectLineError.BadArgument($"The body is not JSON token parameters: {exception.Message}"));
        }
    }

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    private static async Task<MemoryStream?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                return null;
            }

            body.Write(buffer, 0, read);
        }

        body.Position = 0;
        return body;
    }

    /// <summary>The browser's first language (Direct Line clients send Accept-Language), for the welcome.</summary>
    private static string? PreferredLocale(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value).FirstOrDefault(l => l != "*");

    private static Conversation Describe(string conversationId, IssuedToken token) => new(conversationId, token.Token, token.ExpiresIn);

    private static IResult ConversationNotFound() => DirectLineError.NotFound("There is no such conversation (it may have expired).");

    private static IResult OtherConversation() => DirectLineError.Forbidden("The token is for another conversation.");

    private sealed record TokenParameters(TokenUser? User);

    private sealed record TokenUser(string? Id, string? Name);

    private sealed record Conversation(
        [property: System.Text.Json.Serialization.JsonPropertyName("conversationId")] string ConversationId,
        [property: System.Text.Json.Serialization.JsonPropertyName("token")] string Token,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record VisitorToken(
        [property: System.Text.Json.Serialization.JsonPropertyName("token")] string Token,
        [property: System.Text.Json.Serialization.JsonPropertyName("conversationId")] string ConversationId,
        [property: System.Text.Json.Serialization.JsonPropertyName("userId")] string UserId,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);
}
