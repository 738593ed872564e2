using CrmBot.Domain.Common;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Conversations;

/// <summary>How a customer pays an order: the shop's payee and bank account (section "Crm"), with the order number as reference.</summary>
public sealed class PaymentInstructions(IOptions<CrmOptions> options, IStringLocalizer<PaymentInstructions> text)
{
    public string For(string orderNumber, Money total) =>
        text["HowToPay", orderNumber, total, options.Value.PaymentPayee, options.Value.BankAccount];
}
