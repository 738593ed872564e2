using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;

namespace CrmBot.Domain.SalesReps;

/// <summary>A member of the sales team; in Teams they are recognised by their AAD object id.</summary>
public sealed class SalesRep : Entity
{
    private SalesRep()
    {
    }

    public SalesRep(string displayName, string email, string? aadObjectId, int dailyCallCapacity, string timeZone = "UTC")
    {
        DisplayName = Guard.Required(displayName, "Display name", 200);
        Email = Customer.NormalizeEmail(email) ?? throw new DomainException("validation.required", "Email is required.");
        AadObjectId = Guard.Optional(aadObjectId, "AAD object id", 64);
        DailyCallCapacity = Guard.NotNegative(dailyCallCapacity, "Daily call capacity");
        TimeZone = Guard.Required(timeZone, "Time zone", 64);
    }

    public string DisplayName { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string? AadObjectId { get; private set; }

    /// <summary>How many customers this rep can call in a day (used by the call plan).</summary>
    public int DailyCallCapacity { get; private set; }

    public string TimeZone { get; private set; } = "UTC";

    public void LinkTeamsAccount(string aadObjectId) => AadObjectId = Guard.Required(aadObjectId, "AAD object id", 64);

    public void SetDailyCallCapacity(int capacity) => DailyCallCapacity = Guard.NotNegative(capacity, "Daily call capacity");
}
