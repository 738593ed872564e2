using Microsoft.AspNetCore.Identity;

namespace CrmBot.Jobs;

/// <summary>
/// The dashboard password's hash: ASP.NET Core Identity's format (PBKDF2 with HMAC-SHA512, a random salt, the iteration
/// count inside), checked in constant time.
/// </summary>
public static class DashboardPassword
{
    private static readonly PasswordHasher<DashboardCredentials> Hasher = new();
    private static readonly DashboardCredentials AnyUser = new();

    public static string Hash(string password) => Hasher.HashPassword(AnyUser, password);

    public static bool Matches(string hash, string password)
    {
        try
        {
            return Hasher.VerifyHashedPassword(AnyUser, hash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            // A PasswordHash that is not base64 lets nobody in, like a wrong password.
            return false;
        }
    }
}
