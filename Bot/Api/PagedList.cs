using CrmBot.Domain.Common;

namespace CrmBot.Api;

/// <summary>One page of a list; ask for page + 1 while <see cref="HasMore"/> is true.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasMore);

/// <summary>Makes the API's <see cref="PagedList{T}"/> from a domain page.</summary>
public static class PagedList
{
    public static PagedList<T> Of<TSource, T>(Page<TSource> page, Func<TSource, T> map)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new([.. page.Items.Select(map)], page.PageNumber, page.PageSize, page.HasMore);
    }
}
