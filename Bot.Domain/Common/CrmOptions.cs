namespace CrmBot.Domain.Common;

/// <summary>Shop-wide defaults (section "Crm").</summary>
public sealed class CrmOptions
{
    public const string Section = "Crm";

    /// <summary>Region for phone numbers typed without a country code (ISO 3166 alpha-2).</summary>
    public string DefaultRegion { get; set; } = "CN";

    public string DefaultCurrency { get; set; } = "CNY";

    /// <summary>Who customers pay (Alipay, WeChat Pay), as the payment instructions name it.</summary>
    public string PaymentPayee { get; set; } = "CrmBot Shop";

    /// <summary>The shop's bank account for transfers, as the payment instructions print it.</summary>
    public string BankAccount { get; set; } = "(set Crm:BankAccount)";

    /// <summary>IANA time zone of the shop, for times shown to people whose own zone is unknown.</summary>
    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";
}
