using System.Security.Claims;
using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CrmBot.Api;

/// <summary>
/// /api/v1/orders: list and read orders, place one (exactly once per Idempotency-Key), and move it through its
/// lifecycle, one endpoint per action, through the same OrderService methods as the dialogs. Reads carry the order's
/// ETag; changes take If-Match and answer 412 when the order has moved on since.
/// </summary>
public static class OrdersApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Set on the answer to a repeated create: the order is the one the first request placed.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxIdempotencyKeyLength = 64;

    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");

        orders.MapGet("/", ListOrdersAsync)
            .WithName("ListOrders")
            .WithSummary("Orders, newest placed first, filtered by status, customer and placed date range [placedFrom, placedTo), a page at a time.")
            .RequireAuthorization(ApiScopes.ReadPolicy);

        orders.MapGet("/{number}", GetOrderAsync)
            .WithName("GetOrder")
            .WithSummary("One order with its lines, shipment and timeline; the ETag header is its version, for If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.ReadPolicy);

        orders.MapPost("/", PlaceOrderAsync)
            .WithName("PlaceOrder")
            .WithSummary("Places an order and reserves its stock. With an Idempotency-Key header, a repeat of the request answers 200 with the same order; the same key with another body is 422.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(ApiScopes.WritePolicy);

        orders.MapPost("/{number}/pay", PayOrderAsync)
            .WithName("PayOrder")
            .WithSummary("Records the payment of a placed order's whole total.")
            .WithActionProblems();

        orders.MapPost("/{number}/ship", ShipOrderAsync)
            .WithName("ShipOrder")
            .WithSummary("Ships a paid order with its carrier and tracking number.")
            .WithActionProblems();

        orders.MapPost("/{number}/deliver", DeliverOrderAsync)
            .WithName("DeliverOrder")
            .WithSummary("Marks a shipped order as delivered.")
            .WithActionProblems();

        orders.MapPost("/{number}/cancel", CancelOrderAsync)
            .WithName("CancelOrder")
            .WithSummary("Cancels an order that has not shipped, releasing its stock; a paid one is refunded in full.")
            .WithActionProblems();

        orders.MapPost("/{number}/refund", RefundOrderAsync)
            .WithName("RefundOrder")
            .WithSummary("Refunds part or all of what was paid for a shipped or delivered order.")
            .WithActionProblems();

        return orders;
    }

    public static async Task<Ok<PagedList<OrderRow>>> ListOrdersAsync(
        OrderSearch search,
        OrderStatus? status,
        Guid? customerId,
        DateTimeOffset? placedFrom,
        DateTimeOffset? placedTo,
        int page = 1,
        int pageSize = 20,
        CancellationToken ct = default) =>
        TypedResults.Ok(PagedList.Of(
            await search.ListAsync(new OrderFilter(status, customerId, placedFrom, placedTo), page, pageSize, ct), OrderRow.Of));

    public static async Task<Ok<OrderDetails>> GetOrderAsync(string number, OrderService orders, HttpResponse response, CancellationToken ct)
    {
        var order = await orders.FindAsync(number, ct) ?? throw new NotFoundException("Order", number);
        return WithETag(response, order);
    }

    public static async Task<Results<Created<OrderDetails>, Ok<OrderDetails>>> PlaceOrderAsync(
        OrderRequest request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        OrderService orders,
        ClaimsPrincipal user,
        HttpResponse response,
        CancellationToken ct)
    {
        var actor = ApiActor.Of(user);
        var lines = request.Lines!.Select(l => new OrderLineRequest(l.Sku!, l.Quantity)).ToList();
        var placed = await orders.PlaceExactlyOnceAsync(new PlaceOrderRequest(request.CustomerId!.Value, lines, StoredKey(actor, idempotencyKey)), actor, ct);
        var details = OrderDetails.Of(placed.Order);
        response.Headers.ETag = OrderETag.Of(placed.Order.Version);
        if (placed.Replayed)
        {
            response.Headers[ReplayedHeader] = "true";
            return TypedResults.Ok(details);
        }

        return TypedResults.Created($"{ApiExtensions.Prefix}/orders/{placed.Order.Number}", details);
    }

    public static Task<Ok<OrderDetails>> PayOrderAsync(
        string number, PaymentRequest payment, OrderService orders, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => orders.PayAsync(number, payment.Amount!.ToMoney(), payment.Method!, payment.Reference, ApiActor.Of(user), version, ct));

    public static Task<Ok<OrderDetails>> ShipOrderAsync(
        string number, ShipmentRequest shipment, OrderService orders, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => orders.ShipAsync(number, shipment.Carrier!, shipment.TrackingNumber!, ApiActor.Of(user), version, ct));

    public static Task<Ok<OrderDetails>> DeliverOrderAsync(string number, OrderService orders, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => orders.DeliverAsync(number, ApiActor.Of(user), version, ct));

    public static Task<Ok<OrderDetails>> CancelOrderAsync(
        string number, CancellationRequest cancellation, OrderService orders, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => orders.CancelAsync(number, cancellation.Reason!, ApiActor.Of(user), version, ct));

    public static Task<Ok<OrderDetails>> RefundOrderAsync(
        string number, RefundRequest refund, OrderService orders, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        ChangeAsync(http, version => orders.RefundAsync(number, refund.Amount!.ToMoney(), refund.Reason!, ApiActor.Of(user), version, ct));

    /// <summary>
    /// Idempotency keys are the client's, so each key's are kept apart: two clients choosing the same key never get
    /// each other's order.
    /// </summary>
    private static string? StoredKey(Actor actor, string? idempotencyKey)
    {
        if (idempotencyKey is null)
        {
            return null;
        }

        if (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || !idempotencyKey.All(c => c is >= '!' and <= '~'))
        {
            throw new DomainException(
                "request.idempotency_key",
                $"{IdempotencyKeyHeader} must be 1 to {MaxIdempotencyKeyLength} visible ASCII characters, e.g. a UUID.");
        }

        return $"{actor}:{idempotencyKey}";
    }

    /// <summary>One lifecycle change, conditional on the If-Match version when there is one; answers with the new ETag.</summary>
    private static async Task<Ok<OrderDetails>> ChangeAsync(HttpContext http, Func<int?, Task<Order>> change) =>
        WithETag(http.Response, await change(OrderETag.ExpectedVersion(http.Request)));

    private static RouteHandlerBuilder WithActionProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .RequireAuthorization(ApiScopes.WritePolicy);

    private static Ok<OrderDetails> WithETag(HttpResponse response, Order order)
    {
        response.Headers.ETag = OrderETag.Of(order.Version);
        return TypedResults.Ok(OrderDetails.Of(order));
    }
}
