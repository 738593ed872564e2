using CrmBot.Domain.WebChat;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace CrmBot.Channels;

/// <summary>
/// Answers 400 with a problem detail when the body is not an activity the bot can process. The bare CloudAdapter
/// answers malformed JSON or a missing type with an empty 400, and an activity without conversation or
/// serviceUrl with a 500. The required fields are the ones the Bot Framework activity spec makes every channel
/// send: type (A2010), channelId (A2020), from.id (A2060), conversation.id (A2080) and serviceUrl (A2300). The channel
/// and conversation ids must also fit the keys the conversation's state and processed activities are stored under.
/// </summary>
internal sealed class ActivityValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var body = new MemoryStream();
        context.HttpContext.Response.RegisterForDispose(body);
        await request.Body.CopyToAsync(body, context.HttpContext.RequestAborted);

        body.Position = 0;
        if (Check(body) is { } problem)
        {
            return problem;
        }

        // The adapter reads the activity again from the start of the buffered body.
        body.Position = 0;
        request.Body = body;
        return await next(context);
    }

    private static IResult? Check(Stream body)
    {
        Activity? activity;
        try
        {
            activity = ActivityJson.Read(body);
        }
        catch (JsonException exception)
        {
            return TypedResults.Problem(
                title: "The body is not a JSON activity.", detail: exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        if (activity is null)
        {
            return TypedResults.Problem(
                title: "The body is not a JSON activity.",
                detail: "The body is empty or null; post one Bot Framework activity as a JSON object.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var errors = MissingFields(activity);
        return errors.Count == 0
            ? null
            : TypedResults.ValidationProblem(errors, title: "The activity lacks fields every channel sends.");
    }

    private static Dictionary<string, string[]> MissingFields(Activity activity)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            errors["type"] = ["An activity needs a type, such as \"message\"."];
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            errors["channelId"] = ["An activity needs the channelId of the channel that sent it."];
        }
        else if (activity.ChannelId.Length > ProcessedActivity.ChannelIdMaxLength)
        {
            errors["channelId"] = [$"A channelId has at most {ProcessedActivity.ChannelIdMaxLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            errors["from.id"] = ["An activity needs from.id, the account that sent it."];
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            errors["conversation.id"] = ["An activity needs conversation.id, the conversation it belongs to."];
        }
        else if (activity.Conversation.Id.Length > ProcessedActivity.ConversationIdMaxLength)
        {
            // The conversation's state and processed activities are stored under its channel and id, in keys of bounded length.
            errors["conversation.id"] = [$"A conversation.id has at most {ProcessedActivity.ConversationIdMaxLength} characters."];
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            errors["serviceUrl"] = ["An activity needs serviceUrl, the absolute http(s) URL replies go to."];
        }

        return errors;
    }
}
