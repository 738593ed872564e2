using System.Globalization;
using System.Text;
using CrmBot.Conversations.Cards;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Insights;
using CrmBot.Domain.Orders;
using CrmBot.Language;
using Fact = CrmBot.Conversations.Cards.Fact;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>
/// A customer's profile for a rep: the essentials as text (for channels that render no cards) and the same as an
/// adaptive card, in the turn's language; dates in the given time zone.
/// </summary>
public sealed class CustomerProfileMessage(IStringLocalizer<CustomerProfileMessage> text, OrderTimelineMessage orders, PurchaseScoreText scoreText)
{
    /// <summary>The profile; with a purchase score (none before a model exists), its headline and reasons too.</summary>
    public IMessageActivity Create(CustomerOverview customer, TimeZoneInfo timeZone, PurchaseScore? score = null, int horizonDays = 0)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var contact = Contact(customer);
        var value = LifetimeValue(customer);

        var message = new StringBuilder();
        message.AppendLine(customer.Name);
        foreach (var fact in contact)
        {
            message.AppendLine(text["FactLine", fact.Title, fact.Value]);
        }

        message.AppendLine(text["FactLine", text["LifetimeValue"], value]);
        var likelihood = score is null ? [] : new[] { scoreText.Headline(score, horizonDays), scoreText.Reasons(score) }.Where(line => line.Length > 0).ToArray();
        foreach (var line in likelihood)
        {
            message.AppendLine(line);
        }

        AppendOrders(message, text["OpenOrders"], customer.OpenOrders, timeZone);
        AppendOrders(message, text["LastOrders"], customer.LastOrders, timeZone);

        var card = new AdaptiveCard(
        [
            new TextBlock(customer.Name) { Size = "large", Weight = "bolder" },
            new FactSet([.. contact, new Fact(text["LifetimeValue"], value)]),
            .. likelihood.Select(line => new TextBlock(line)),
            .. OrdersSection(text["OpenOrders"], customer.OpenOrders, timeZone),
            .. OrdersSection(text["LastOrders"], customer.LastOrders, timeZone),
        ]);

        var reply = MessageFactory.Text(message.ToString().TrimEnd());
        reply.Attachments = [card.ToAttachment()];
        return reply;
    }

    private List<Fact> Contact(CustomerOverview customer)
    {
        var facts = new List<Fact>();
        if (customer.Email is not null)
        {
            facts.Add(new Fact(text["Email"], customer.Email));
        }

        if (customer.Phone is not null)
        {
            facts.Add(new Fact(text["Phone"], customer.Phone));
        }

        if (customer.Address is { } address)
        {
            facts.Add(new Fact(text["Address"], address.ToString(CultureInfo.CurrentCulture)));
        }

        if (customer.Tags.Count > 0)
        {
            facts.Add(new Fact(text["Tags"], string.Join(", ", customer.Tags)));
        }

        return facts;
    }

    private string LifetimeValue(CustomerOverview customer) =>
        customer.LifetimeValue.Count == 0 ? text["Nothing"] : string.Join(" + ", customer.LifetimeValue.Select(v => v.ToString(CultureInfo.CurrentCulture)));

    private void AppendOrders(StringBuilder message, string title, IReadOnlyList<OrderSummary> list, TimeZoneInfo timeZone)
    {
        message.AppendLine(list.Count == 0 ? text["FactLine", title, text["None"]] : text["ListTitle", title]);
        foreach (var order in list)
        {
            message.AppendLine(text["OrderLine", order.Number, Describe(order, timeZone)]);
        }
    }

    private IEnumerable<AdaptiveElement> OrdersSection(string title, IReadOnlyList<OrderSummary> list, TimeZoneInfo timeZone)
    {
        yield return new TextBlock(title) { Weight = "bolder", Separator = true };
        yield return list.Count == 0
            ? new TextBlock(text["None"])
            : new FactSet([.. list.Select(order => new Fact(order.Number, Describe(order, timeZone)))]);
    }

    private string Describe(OrderSummary order, TimeZoneInfo timeZone) =>
        text["Order", orders.StatusName(order.Status), order.Total, DateText.Date(TimeZoneInfo.ConvertTime(order.CreatedAt, timeZone).DateTime)];
}
