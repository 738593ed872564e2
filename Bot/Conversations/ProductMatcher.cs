using System.Text.RegularExpressions;
using CrmBot.Domain.Products;

namespace CrmBot.Conversations;

/// <summary>
/// Finds the products a sentence talks about ("do you have mugs?", "I want to buy 3 blue mugs", "我想买蓝色杯子"):
/// each product scores the words of its name (plural or not) and the pairs of Chinese characters of its name that
/// the sentence contains, or its SKU; the best-scoring products win.
/// </summary>
public sealed partial class ProductMatcher(ProductCatalog catalog)
{
    /// <summary>How many products one sentence can bring back.</summary>
    public const int MaxMatches = 10;

    private const int MaxTerms = 20;

    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "for", "to", "me", "my", "your", "you", "i", "we", "do", "have", "any",
        "some", "want", "buy", "order", "please", "show", "see", "what", "which", "product", "products", "item", "items",
        // Words of asking to order ("new order", "start an order"): a product named "New Year gift box" is not what they mean.
        "new", "another", "place", "start", "make", "create", "get", "need", "like", "would", "can", "could",
    };

    public async Task<IReadOnlyList<Product>> MatchAsync(string? sentence, CancellationToken ct)
    {
        var text = sentence?.Trim().ToLowerInvariant() ?? string.Empty;
        var terms = Terms(text).Take(MaxTerms).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var candidates = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            foreach (var product in (await catalog.BrowseAsync(term, 1, ProductCatalog.MaxPageSize, ct)).Items)
            {
                candidates.TryAdd(product.Sku, product);
            }
        }

        var scored = candidates.Values.Select(p => (Product: p, Score: Score(p, text))).Where(s => s.Score > 0).ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Max(s => s.Score);
        return scored.Where(s => s.Score == best).Select(s => s.Product).OrderBy(p => p.Name, StringComparer.CurrentCulture).Take(MaxMatches).ToList();
    }

    /// <summary>What to look up in the catalogue: words without a plural "s", pairs of Chinese characters, SKU-like tokens.</summary>
    private static IEnumerable<string> Terms(string text)
    {
        var words = Words().Matches(text).Select(m => m.Value).Where(w => !Ignored.Contains(w) && w.Length > 1 && !w.All(char.IsAsciiDigit));
        var han = Han().Matches(text).SelectMany(m => Pairs(m.Value));
        return words.Select(Singular).Concat(han).Distinct(StringComparer.Ordinal);
    }

    private static int Score(Product product, string text)
    {
        if (Words().Matches(text).Any(m => string.Equals(m.Value, product.Sku, StringComparison.OrdinalIgnoreCase)))
        {
            return 100;
        }

        var said = Words().Matches(text).Select(m => Singular(m.Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = product.Name.ToLowerInvariant();
        var wordScore = Words().Matches(name).Select(m => Singular(m.Value)).Where(w => !Ignored.Contains(w)).Distinct().Count(said.Contains);
        var hanScore = Han().Matches(name).SelectMany(m => Pairs(m.Value)).Distinct().Count(pair => text.Contains(pair, StringComparison.Ordinal));
        return wordScore + hanScore;
    }

    private static IEnumerable<string> Pairs(string han) =>
        han.Length == 1 ? [han] : Enumerable.Range(0, han.Length - 1).Select(i => han.Substring(i, 2));

    private static string Singular(string word) =>
        word.Length > 3 && word.EndsWith("es", StringComparison.Ordinal) && (word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)) ? word[..^2]
        : word.Length > 2 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;

    [GeneratedRegex(@"[a-z0-9][a-z0-9\-]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"[\u3400-\u9fff\uf900-\ufaff]+")]
    private static partial Regex Han();
}
