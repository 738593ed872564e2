using System.Security.Claims;
using CrmBot.Domain.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBot.Api;

/// <summary>/api/v1/customers/{id}/export and DELETE /api/v1/customers/{id}: the customer's rights of access and erasure, both audited.</summary>
public static class CustomerPrivacyApi
{
    public static RouteGroupBuilder MapCustomerPrivacyApi(this RouteGroupBuilder customers)
    {
        customers.MapGet("/{id:guid}/export", ExportCustomerAsync)
            .WithName("ExportCustomer")
            .WithSummary("Everything stored about a customer as one JSON document (the same document reps get in chat).")
            .Produces<CustomerDataDocument>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.ReadPolicy);

        customers.MapDelete("/{id:guid}", EraseCustomerAsync)
            .WithName("EraseCustomer")
            .WithSummary("Erases a customer's personal data, their conversations and transcripts; orders stay, anonymised, for the books. Repeatable.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.WritePolicy);

        return customers;
    }

    public static async Task<ContentHttpResult> ExportCustomerAsync(Guid id, CustomerDataExport export, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Text(CustomerDataExport.ToJson(await export.ExportAsync(id, ApiActor.Of(user), ct)), "application/json");

    public static async Task<Ok<ErasureResult>> EraseCustomerAsync(Guid id, CustomerErasure erasure, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await erasure.EraseAsync(id, ApiActor.Of(user), ct));
}
