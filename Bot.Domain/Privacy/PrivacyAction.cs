namespace CrmBot.Domain.Privacy;

/// <summary>What was asked of a customer's personal data.</summary>
public enum PrivacyAction
{
    Export,
    Erase,
}
