using CrmBot.Domain.Common;

namespace CrmBot.Domain.Customers;

/// <summary>A label on a customer ("vip", "wholesale"), set by a workflow or a rep; stored lower-case, once per customer.</summary>
public sealed class CustomerTag
{
    public const int MaxLength = 50;

    private CustomerTag()
    {
    }

    public CustomerTag(Guid customerId, string tag, DateTimeOffset now)
    {
        CustomerId = customerId;
        Tag = Normalize(tag);
        CreatedAt = now;
    }

    public Guid CustomerId { get; private set; }

    public string Tag { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static string Normalize(string tag) => Guard.Required(tag, "Tag", MaxLength).ToLowerInvariant();
}
