using CrmBot.Domain.Common;

namespace CrmBot.Privacy;

/// <summary>What the logs say about exports and erasures: who asked (personal data, so masked) and the customer's id, never their data.</summary>
internal static partial class PrivacyLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} exported the data of customer {CustomerId}")]
    public static partial void Exported(ILogger logger, [PersonalData] Actor actor, Guid customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} erased customer {CustomerId} (erased before: {AlreadyErased})")]
    public static partial void Erased(ILogger logger, [PersonalData] Actor actor, Guid customerId, bool alreadyErased);
}
