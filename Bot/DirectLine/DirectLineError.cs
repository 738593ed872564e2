namespace CrmBot.DirectLine;

/// <summary>
/// The Direct Line protocol's error answers: an HTTP status and <c>{ "error": { "code", "message" } }</c>.
/// Codes are stable for clients; messages are for people.
/// </summary>
public static class DirectLineError
{
    public static IResult BadArgument(string message) => Create(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult MissingProperty(string property) =>
        Create(StatusCodes.Status400BadRequest, "MissingProperty", $"The activity needs '{property}'.");

    public static IResult Unauthorized(string message) => Create(StatusCodes.Status401Unauthorized, "Unauthorized", message);

    public static IResult Forbidden(string message) => Create(StatusCodes.Status403Forbidden, "Unauthorized", message);

    public static IResult TokenExpired() =>
        Create(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; get a new one (tokens are refreshed before they expire).");

    public static IResult NotFound(string message) => Create(StatusCodes.Status404NotFound, "NotFound", message);

    public static IResult TooLarge(int maxBytes) =>
        Create(StatusCodes.Status413PayloadTooLarge, "BadArgument", $"The body is larger than {maxBytes / 1024} KB.");

    public static IResult TooManyRequests(string message) => Create(StatusCodes.Status429TooManyRequests, "TooManyRequests", message);

    public static IResult BotError() =>
        Create(StatusCodes.Status502BadGateway, "BotError", "The bot could not process the activity.");

    public static IResult Create(int status, string code, string message) =>
        TypedResults.Json(new ErrorResponse(new Error(code, message)), statusCode: status);

    private sealed record ErrorResponse(Error Error);

    private sealed record Error(string Code, string Message);
}
