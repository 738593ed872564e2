using CrmBot.Domain.Products;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBot.Api;

/// <summary>/api/v1/products: browse the catalogue, add products, set stock and price.</summary>
public static class ProductsApi
{
    public static RouteGroupBuilder MapProductsApi(this IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Products");

        products.MapGet("/", ListProductsAsync)
            .WithName("ListProducts")
            .WithSummary("Products whose name or SKU contains the search text (all when empty), by name, a page at a time.")
            .RequireAuthorization(ApiScopes.ReadPolicy);

        products.MapGet("/{sku}", GetProductAsync)
            .WithName("GetProduct")
            .WithSummary("One product, by SKU.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.ReadPolicy);

        products.MapPost("/", CreateProductAsync)
            .WithName("CreateProduct")
            .WithSummary("Adds a product to the catalogue; its SKU must be new (409 otherwise).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(ApiScopes.WritePolicy);

        products.MapPut("/{sku}/stock", SetStockAsync)
            .WithName("SetProductStock")
            .WithSummary("Sets how many units are on hand; orders already placed keep what they reserved.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(ApiScopes.WritePolicy);

        products.MapPut("/{sku}/price", SetPriceAsync)
            .WithName("SetProductPrice")
            .WithSummary("Sets the price of future orders, in the product's own currency; placed orders keep theirs.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.WritePolicy);

        return products;
    }

    public static async Task<Ok<PagedList<ProductDetails>>> ListProductsAsync(
        ProductCatalog catalog, string? search, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        TypedResults.Ok(PagedList.Of(await catalog.BrowseAsync(search, page, pageSize, ct), ProductDetails.Of));

    public static async Task<Ok<ProductDetails>> GetProductAsync(string sku, ProductCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(ProductDetails.Of(await catalog.GetBySkuAsync(sku, ct)));

    public static async Task<Created<ProductDetails>> CreateProductAsync(ProductRequest request, ProductCatalog catalog, CancellationToken ct)
    {
        var product = await catalog.AddAsync(request.Sku!, request.Name!, request.Price!.ToMoney(), request.Stock, ct);
        return TypedResults.Created($"{ApiExtensions.Prefix}/products/{Uri.EscapeDataString(product.Sku)}", ProductDetails.Of(product));
    }

    public static async Task<Ok<ProductDetails>> SetStockAsync(string sku, StockRequest request, ProductCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(ProductDetails.Of(await catalog.SetStockAsync(sku, request.Stock!.Value, ct)));

    public static async Task<Ok<ProductDetails>> SetPriceAsync(string sku, MoneyInput request, ProductCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(ProductDetails.Of(await catalog.ChangePriceAsync(sku, request.ToMoney(), ct)));
}
