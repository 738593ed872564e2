using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Products;

/// <summary>The products a customer can browse and order.</summary>
public sealed class ProductCatalog(CrmDbContext db)
{
    public const int MaxPageSize = 50;

    // Compiled: the bot browses the catalogue on the turns that show products or offer them for an order.
    private static readonly CompiledQuery<Func<CrmDbContext, int, int, IAsyncEnumerable<Product>>> All = new(() =>
        EF.CompileAsyncQuery<CrmDbContext, int, int, Product>((db, skip, take) =>
            db.Products.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Sku).Skip(skip).Take(take)));

    // Whatever the case the user typed: SQLite's LIKE ignores the case of ASCII letters, PostgreSQL's ILIKE of all.
    private static readonly CompiledQuery<Func<CrmDbContext, string, int, int, IAsyncEnumerable<Product>>> Containing = new(() =>
        EF.CompileAsyncQuery<CrmDbContext, string, int, int, Product>((db, pattern, skip, take) =>
            db.Products.AsNoTracking()
                .Where(p => EF.Functions.Like(p.Name, pattern, LikePattern.EscapeCharacter) || EF.Functions.Like(p.Sku, pattern, LikePattern.EscapeCharacter))
                .OrderBy(p => p.Name).ThenBy(p => p.Sku).Skip(skip).Take(take)));

    private static readonly CompiledQuery<Func<CrmDbContext, string, int, int, IAsyncEnumerable<Product>>> ContainingAnyCase = new(() =>
        EF.CompileAsyncQuery<CrmDbContext, string, int, int, Product>((db, pattern, skip, take) =>
            db.Products.AsNoTracking()
                .Where(p => EF.Functions.ILike(p.Name, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(p.Sku, pattern, LikePattern.EscapeCharacter))
                .OrderBy(p => p.Name).ThenBy(p => p.Sku).Skip(skip).Take(take)));

    /// <summary>Products whose name or SKU contains <paramref name="search"/> (all when empty), by name.</summary>
    public async Task<Page<Product>> BrowseAsync(string? search, int page = 1, int pageSize = 10, CancellationToken ct = default)
    {
        var request = PageRequest.Of(page, pageSize, MaxPageSize, "products");
        var text = search?.Trim();
        var products = string.IsNullOrEmpty(text)
            ? All.For(db)(db, request.Skip, request.Take)
            : (db.Database.IsNpgsql() ? ContainingAnyCase : Containing).For(db)(db, LikePattern.Containing(text), request.Skip, request.Take);
        var found = new List<Product>(request.Take);
        await foreach (var product in products.WithCancellation(ct))
        {
            found.Add(product);
        }

        return request.PageOf(found);
    }

    public async Task<Product?> FindBySkuAsync(string sku, CancellationToken ct = default)
    {
        var normalized = sku.Trim().ToUpperInvariant();
        return await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Sku == normalized, ct);
    }

    /// <summary>The product with this SKU, or a not-found error.</summary>
    public async Task<Product> GetBySkuAsync(string sku, CancellationToken ct = default) =>
        await FindBySkuAsync(sku, ct) ?? throw new NotFoundException("Product", sku.Trim().ToUpperInvariant());

    /// <summary>Adds a product to the catalogue; its SKU must be new.</summary>
    public async Task<Product> AddAsync(string sku, string name, Money price, int stock, CancellationToken ct = default)
    {
        var product = new Product(sku, name, price, stock);
        if (await db.Products.AnyAsync(p => p.Sku == product.Sku, ct))
        {
            throw new DomainException("product.duplicate_sku", $"There is already a product with SKU {product.Sku}.");
        }

        db.Products.Add(product);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Products.AnyAsync(p => p.Sku == product.Sku, ct))
            {
                // Someone added the same SKU a moment ago.
                throw new DomainException("product.duplicate_sku", $"There is already a product with SKU {product.Sku}.");
            }

            throw;
        }

        return product;
    }

    /// <summary>Sets how many units are on hand (after a stock count, say); orders already placed keep what they reserved.</summary>
    public Task<Product> SetStockAsync(string sku, int stock, CancellationToken ct = default) =>
        ChangeAsync(sku, product => product.SetStock(stock), ct);

    /// <summary>Changes the price of future orders, in the product's own currency; placed orders keep the price they had.</summary>
    public Task<Product> ChangePriceAsync(string sku, Money price, CancellationToken ct = default) =>
        ChangeAsync(sku, product => product.ChangePrice(price), ct);

    private async Task<Product> ChangeAsync(string sku, Action<Product> change, CancellationToken ct)
    {
        var normalized = sku.Trim().ToUpperInvariant();
        var product = await db.Products.FirstOrDefaultAsync(p => p.Sku == normalized, ct) ?? throw new NotFoundException("Product", normalized);
        try
        {
            change(product);
            await db.SaveChangesAsync(ct);
            return product;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException($"The stock of {product.Sku} changed a moment ago (an order took some). Look at it again and retry.", ex);
        }
        finally
        {
            if (db.ChangeTracker.HasChanges())
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
