using System.Security.Cryptography;
using System.Text;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// Ledger subjects for messages that are about two things at once (a run's notice to one rep, a held rule's notice
/// to one rep): the same for every try, different for every pair.
/// </summary>
public static class DerivedSubject
{
    public static Guid Of(Guid first, Guid second)
    {
        Span<byte> both = stackalloc byte[32];
        first.TryWriteBytes(both[..16]);
        second.TryWriteBytes(both[16..]);
        return new Guid(SHA256.HashData(both)[..16]);
    }

    public static Guid Of(Guid first, string second)
    {
        ArgumentNullException.ThrowIfNull(second);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(second)];
        first.TryWriteBytes(bytes);
        Encoding.UTF8.GetBytes(second, bytes.AsSpan(16));
        return new Guid(SHA256.HashData(bytes)[..16]);
    }
}
