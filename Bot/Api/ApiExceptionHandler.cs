using System.Text.Json;
using CrmBot.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace CrmBot.Api;

/// <summary>
/// The one place where the API's exceptions become RFC 9457 problems: a broken business rule about the record's
/// current state is 409 with the reason, bad input 400, something missing 404, a stale version 412 when the request
/// carried If-Match (409 without), a reused idempotency key 422, an unreadable body 400. Other endpoints are left alone.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    /// <summary>Domain errors that say the request conflicts with the record as it is now, not that the request is malformed.</summary>
    private static readonly HashSet<string> StateConflicts = new(StringComparer.Ordinal)
    {
        "order.invalid_transition",
        "order.not_shipped",
        "order.not_draft",
        "order.refund_too_large",
        "order.changed_since_import",
        "order.product_missing",
        "product.out_of_stock",
        "product.duplicate_sku",
        "reminder.closed",
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has cleared the endpoint for re-execution by now; its feature keeps the one that threw.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<ApiEndpointMarker>() is null)
        {
            return false;
        }

        var (status, title, detail, code) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON", json.Message, "request.json"),
            BadHttpRequestException bad =>
                (bad.StatusCode, "The request could not be read", bad.Message, "request.unreadable"),
            NotFoundException notFound =>
                (StatusCodes.Status404NotFound, $"{notFound.What} not found", notFound.Message, notFound.Code),
            ConcurrencyConflictException conflict when httpContext.Request.Headers.IfMatch.Count > 0 =>
                (StatusCodes.Status412PreconditionFailed, "The record has changed since you read it", conflict.Message, conflict.Code),
            ConcurrencyConflictException conflict =>
                (StatusCodes.Status409Conflict, "The record was changed at the same time", conflict.Message, conflict.Code),
            DomainException { Code: "order.idempotency_key_reused" } reused =>
                (StatusCodes.Status422UnprocessableEntity, "The idempotency key was used for another request", reused.Message, reused.Code),
            DomainException state when StateConflicts.Contains(state.Code) =>
                (StatusCodes.Status409Conflict, "Not possible in the record's current state", state.Message, state.Code),
            DomainException invalid =>
                (StatusCodes.Status400BadRequest, "The request is not valid", invalid.Message, invalid.Code),
            _ => (0, string.Empty, string.Empty, null),
        };
        if (status == 0)
        {
            return false;
        }

        await ApiProblem.WriteAsync(httpContext, status, title, detail, code, exception);
        return true;
    }
}
