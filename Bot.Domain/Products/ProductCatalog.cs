using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Products;

/// <summary>The products a customer can browse and order.</summary>
public sealed class ProductCatalog(CrmDbContext db)
{
    public const int MaxPageSize = 50;

    /// <summary>Products whose name or SKU contains <paramref name="search"/> (all when empty), by name.</summary>
    public async Task<Page<Product>> BrowseAsync(string? search, int page = 1, int pageSize = 10, CancellationToken ct = default)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            throw new DomainException("validation.page", $"Pages start at 1 and hold 1 to {MaxPageSize} products.");
        }

        var products = db.Products.AsNoTracking();
        var text = search?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var pattern = $"%{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            products = products.Where(p => EF.Functions.Like(p.Name, pattern, "\\") || EF.Functions.Like(p.Sku, pattern, "\\"));
        }

        var found = await products.OrderBy(p => p.Name).ThenBy(p => p.Sku).Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(ct);
        return new Page<Product>(found.Take(pageSize).ToList(), page, pageSize, found.Count > pageSize);
    }

    public async Task<Product?> FindBySkuAsync(string sku, CancellationToken ct = default)
    {
        var normalized = sku.Trim().ToUpperInvariant();
        return await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Sku == normalized, ct);
    }
}
