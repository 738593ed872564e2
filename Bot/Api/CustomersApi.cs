using CrmBot.Domain.Customers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBot.Api;

/// <summary>/api/v1/customers: search, read, create and update customers.</summary>
public static class CustomersApi
{
    /// <summary>Maps the customer endpoints and returns their group, for features that add to it (privacy: erase and export).</summary>
    public static RouteGroupBuilder MapCustomersApi(this IEndpointRouteBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");

        customers.MapGet("/", ListCustomersAsync)
            .WithName("ListCustomers")
            .WithSummary("Customers matching part of a name, an email, a phone number or an order number (all when empty), a page at a time.")
            .RequireAuthorization(ApiScopes.ReadPolicy);

        customers.MapGet("/{id:guid}", GetCustomerAsync)
            .WithName("GetCustomer")
            .WithSummary("One customer.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.ReadPolicy);

        customers.MapPost("/", CreateCustomerAsync)
            .WithName("CreateCustomer")
            .WithSummary("Creates a customer; an email address or a phone number is needed.")
            .ProducesValidationProblem()
            .RequireAuthorization(ApiScopes.WritePolicy);

        customers.MapPut("/{id:guid}", UpdateCustomerAsync)
            .WithName("UpdateCustomer")
            .WithSummary("Replaces a customer's profile (contact data, address, time zone, language, consent).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.WritePolicy);

        return customers;
    }

    public static async Task<Ok<PagedList<CustomerItem>>> ListCustomersAsync(
        CustomerService customers, string? search, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        TypedResults.Ok(PagedList.Of(await customers.SearchAsync(search, page, pageSize, ct), CustomerItem.Of));

    public static async Task<Ok<CustomerDetails>> GetCustomerAsync(Guid id, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(CustomerDetails.Of(await customers.GetAsync(id, ct)));

    public static async Task<Created<CustomerDetails>> CreateCustomerAsync(CustomerRequest request, CustomerService customers, CancellationToken ct)
    {
        var customer = await customers.CreateAsync(request.ToProfile(), ct);
        return TypedResults.Created($"{ApiExtensions.Prefix}/customers/{customer.Id}", CustomerDetails.Of(customer));
    }

    public static async Task<Ok<CustomerDetails>> UpdateCustomerAsync(Guid id, CustomerRequest request, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(CustomerDetails.Of(await customers.UpdateAsync(id, request.ToProfile(), ct)));
}
