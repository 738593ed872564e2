namespace CrmBot.Api;

/// <summary>How many requests each API key may make in a window (a fixed window per key).</summary>
public sealed class ApiRateLimitOptions
{
    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
