namespace CrmBot.Domain.Common;

/// <summary>One page of results; <see cref="HasMore"/> says whether asking for the next page is worth it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, bool HasMore);
