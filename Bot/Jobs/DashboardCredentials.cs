namespace CrmBot.Jobs;

/// <summary>Section "Jobs:Dashboard": who may sign in to the dashboard at /hangfire with HTTP Basic authentication.</summary>
public sealed class DashboardCredentials
{
    public string User { get; set; } = string.Empty;

    /// <summary>The password as <see cref="DashboardPassword.Hash"/> writes it (<c>jobs hash-password</c>), never the password itself.</summary>
    public string PasswordHash { get; set; } = string.Empty;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(User) && !string.IsNullOrWhiteSpace(PasswordHash);
}
