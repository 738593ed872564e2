using CrmBot.Domain.Common;
using Microsoft.Net.Http.Headers;

namespace CrmBot.Api;

/// <summary>An order's ETag is its version, quoted ("7"); an If-Match with it makes a change conditional on that version.</summary>
internal static class OrderETag
{
    public static string Of(int version) => $"\"{version}\"";

    /// <summary>
    /// The version that If-Match asks for: null without the header or with "*" (any version). A malformed or weak tag,
    /// or more than one, is bad input.
    /// </summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || tags.Count != 1)
        {
            throw new DomainException("request.if_match", "If-Match must hold one ETag, as the order's GET returned it (e.g. \"3\").");
        }

        var tag = tags[0];
        if (tag.Equals(EntityTagHeaderValue.Any))
        {
            return null;
        }

        return !tag.IsWeak && int.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), out var version)
            ? version
            : throw new DomainException("request.if_match", $"If-Match {tag} is not an ETag of an order (e.g. \"3\").");
    }
}
