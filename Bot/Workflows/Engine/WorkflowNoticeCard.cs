using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;
using Newtonsoft.Json.Linq;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// A workflow's message to a rep, with the buttons its rule asks for: call now and snooze post back to
/// <see cref="WorkflowButtons"/>; open customer and open order say the rep's own command for them.
/// </summary>
public sealed class WorkflowNoticeCard(IStringLocalizer<WorkflowMessages> text)
{
    public const string CallNow = "callNow";
    public const string OpenCustomer = "openCustomer";
    public const string OpenOrder = "openOrder";
    public const string Snooze = "snooze";

    internal const string ActionProperty = "workflowButton";
    internal const string CustomerProperty = "customer";
    internal const string TextProperty = "text";

    public IMessageActivity Message(string message, IReadOnlyList<string> buttons, WorkflowSubject subject)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        ArgumentNullException.ThrowIfNull(subject);
        var actions = buttons.Select(b => Button(b, message, subject)).OfType<CardAction>().ToList();
        if (actions.Count == 0)
        {
            return MessageFactory.Text(message);
        }

        var activity = MessageFactory.Attachment(new HeroCard(text: message, buttons: actions).ToAttachment());
        activity.Text = message;
        return activity;
    }

    private CardAction? Button(string button, string message, WorkflowSubject subject) => button switch
    {
        CallNow => PostBack(text["CallNow"], CallNow, subject.Customer.Id, null),
        Snooze => PostBack(text["Snooze"], Snooze, subject.Customer.Id, message),
        OpenCustomer => Say(text["OpenCustomer"], text["OpenCustomerCommand", subject.Customer.Name]),
        OpenOrder when subject.Order is { } order => Say(text["OpenOrder"], text["OpenOrderCommand", order.Number]),
        _ => null,
    };

    private static CardAction Say(string title, string command) => new(ActionTypes.ImBack, title, value: command);

    private static CardAction PostBack(string title, string action, Guid customerId, string? message) => new(ActionTypes.MessageBack, title)
    {
        DisplayText = title,
        Text = title,
        Value = new JObject
        {
            [ActionProperty] = action,
            [CustomerProperty] = customerId.ToString(),
            [TextProperty] = message,
        },
    };
}
