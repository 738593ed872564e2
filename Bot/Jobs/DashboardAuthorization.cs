using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace CrmBot.Jobs;

/// <summary>
/// Who gets into the dashboard: a request with the configured HTTP Basic credentials, with full control; when
/// <paramref name="openToLocalRequests"/> (Development), also a request from this machine, read-only. Anyone else gets
/// 401, with a Basic challenge when credentials are configured.
/// </summary>
public sealed class DashboardAuthorization(DashboardCredentials credentials, bool openToLocalRequests) : IDashboardAuthorizationFilter
{
    private const string Challenge = "Basic realm=\"CrmBot jobs\", charset=\"UTF-8\"";

    private readonly object _signedInKey = new();

    // The hash of the last Authorization header that passed: the dashboard sends it with every page, script and poll,
    // and checking the password hash costs tens of milliseconds of processor time on purpose.
    private byte[]? _acceptedHeader;

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (IsSignedIn(http) || (openToLocalRequests && IsLocal(http.Connection)))
        {
            return true;
        }

        if (credentials.IsConfigured)
        {
            http.Response.Headers.WWWAuthenticate = Challenge;
        }

        return false;
    }

    /// <summary>Only a signed-in user may change jobs (delete, requeue, trigger).</summary>
    public bool IsReadOnly(DashboardContext context) => !IsSignedIn(context.GetHttpContext());

    private bool IsSignedIn(HttpContext http)
    {
        if (http.Items.TryGetValue(_signedInKey, out var known) && known is bool signedIn)
        {
            return signedIn;
        }

        signedIn = credentials.IsConfigured && Accepts(http.Request.Headers.Authorization.ToString());
        http.Items[_signedInKey] = signedIn;
        return signedIn;
    }

    private bool Accepts(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var authorization)
            || !authorization.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || !TryDecode(authorization.Parameter, out var user, out var password))
        {
            return false;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(header));
        if (Volatile.Read(ref _acceptedHeader) is { } accepted && CryptographicOperations.FixedTimeEquals(digest, accepted))
        {
            return true;
        }

        // Both are always checked, so that a wrong user name takes as long as a wrong password.
        var userMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user), Encoding.UTF8.GetBytes(credentials.User));
        var passwordMatches = DashboardPassword.Matches(credentials.PasswordHash, password);
        if (!(userMatches & passwordMatches))
        {
            return false;
        }

        Volatile.Write(ref _acceptedHeader, digest);
        return true;
    }

    private static bool TryDecode(string? parameter, out string user, out string password)
    {
        user = password = string.Empty;
        var bytes = new byte[parameter?.Length ?? 0];
        if (parameter is null || !Convert.TryFromBase64String(parameter, bytes, out var length))
        {
            return false;
        }

        var pair = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        user = pair[..colon];
        password = pair[(colon + 1)..];
        return true;
    }

    private static bool IsLocal(ConnectionInfo connection) =>
        connection.RemoteIpAddress is { } remote
        && (IPAddress.IsLoopback(Unmapped(remote)) || Unmapped(remote).Equals(connection.LocalIpAddress is { } local ? Unmapped(local) : null));

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
