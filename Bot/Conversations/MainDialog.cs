using CrmBot.Analytics;
using CrmBot.Dialogs;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Privacy;
using CrmBot.Identity;
using CrmBot.Understanding;
using CrmBot.Workflows.Chat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>
/// The root of every conversation: reads what the user wants (the turn's <see cref="RecognitionResult"/>) and begins
/// the dialog that does it with what they already said; anything else gets the menu of what CrmBot can do for
/// this caller. "help", "cancel" and "menu" work in every dialog below it.
/// </summary>
public sealed class MainDialog : InterruptibleDialog
{
    private readonly IStringLocalizer<MainDialog> _text;

    /// <param name="services">The turn's services, which build the dialog the user asks for when the turn begins it.</param>
    /// <param name="text">The main dialog's texts.</param>
    public MainDialog(IServiceProvider services, IStringLocalizer<MainDialog> text)
        : base(nameof(MainDialog))
    {
        _text = text;
        Add<TrackOrderDialog>();
        Add<ProcessOrderDialog>();
        Add<BrowseProductsDialog>();
        Add<PlaceOrderDialog>();
        Add<FindCustomerDialog>();
        Add<LogInteractionDialog>();
        Add<SetReminderDialog>();
        Add<ListRemindersDialog>();
        Add<CancelOwnOrderDialog>();
        Add<AskForHumanDialog>();
        Add<MessageConsentDialog>();
        Add<UpdateContactDialog>();
        Add<CallPlanDialog>();
        Add<CustomerDataDialog>();
        Add<AnalyticsDialog>();
        Add<WorkflowsDialog>();
        Add<WhyMessageDialog>();
        AddDialog(new WaterfallDialog("main", [RouteAsync, DoneAsync]));
        InitialDialogId = "main";

        // Each dialog's id is its type's name.
        void Add<TDialog>()
            where TDialog : Dialog => AddDialog(typeof(TDialog).Name, services.GetRequiredService<TDialog>);
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Context.Caller().Role == CallerRole.Stranger)
        {
            await step.Context.SendActivityAsync(_text["StrangerRefused"], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        var recognition = step.Context.TurnState.Get<RecognitionResult>();
        switch (recognition?.Intent)
        {
            case Intent.TrackOrder:
                var contact = recognition.Entity<EmailEntity>()?.Address ?? recognition.Entity<PhoneNumberEntity>()?.E164;
                return await step.BeginDialogAsync(
                    nameof(TrackOrderDialog), new TrackOrderOptions(recognition.Entity<OrderNumberEntity>()?.Number, contact), ct);
            case Intent.BrowseProducts:
                return await step.BeginDialogAsync(nameof(BrowseProductsDialog), new BrowseProductsOptions(recognition.Text), ct);
            case Intent.PlaceOrder:
                var buyer = recognition.Entity<EmailEntity>()?.Address ?? recognition.Entity<PhoneNumberEntity>()?.E164 ?? recognition.Entity<PersonNameEntity>()?.Name;
                return await step.BeginDialogAsync(
                    nameof(PlaceOrderDialog), new PlaceOrderOptions(recognition.Text, recognition.Entity<QuantityEntity>()?.Value, Customer: buyer), ct);
            case Intent.RecordPayment:
                return await step.BeginDialogAsync(nameof(ProcessOrderDialog), ProcessOrderOptions.From(OrderAction.Pay, recognition), ct);
            case Intent.ShipOrder:
                return await step.BeginDialogAsync(nameof(ProcessOrderDialog), ProcessOrderOptions.From(OrderAction.Ship, recognition), ct);
            case Intent.DeliverOrder:
                return await step.BeginDialogAsync(nameof(ProcessOrderDialog), ProcessOrderOptions.From(OrderAction.Deliver, recognition), ct);
            case Intent.CancelOrder when !step.Context.Caller().IsRep:
                return await step.BeginDialogAsync(nameof(CancelOwnOrderDialog), recognition.Entity<OrderNumberEntity>()?.Number, ct);
            case Intent.CancelOrder:
                return await step.BeginDialogAsync(nameof(ProcessOrderDialog), ProcessOrderOptions.From(OrderAction.Cancel, recognition), ct);
            case Intent.RefundOrder:
                return await step.BeginDialogAsync(nameof(ProcessOrderDialog), ProcessOrderOptions.From(OrderAction.Refund, recognition), ct);
            case Intent.FindCustomer:
                return await step.BeginDialogAsync(nameof(FindCustomerDialog), FindCustomerOptions.From(recognition), ct);
            case Intent.ScoreCustomer:
                return await step.BeginDialogAsync(nameof(FindCustomerDialog), FindCustomerOptions.From(recognition) with { ScoreOnly = true }, ct);
            case Intent.ExportCustomerData:
                return await step.BeginDialogAsync(nameof(CustomerDataDialog), CustomerDataOptions.From(PrivacyAction.Export, recognition), ct);
            case Intent.EraseCustomerData:
                return await step.BeginDialogAsync(nameof(CustomerDataDialog), CustomerDataOptions.From(PrivacyAction.Erase, recognition), ct);
            case Intent.CallPlan:
                return await step.BeginDialogAsync(nameof(CallPlanDialog), null, ct);
            case Intent.Stats or Intent.Revenue or Intent.TopCustomers:
                return await step.BeginDialogAsync(nameof(AnalyticsDialog), AnalyticsRequest.Of(recognition), ct);
            case Intent.LogInteraction:
                return await step.BeginDialogAsync(nameof(LogInteractionDialog), LogInteractionOptions.From(recognition), ct);
            case Intent.SetReminder:
                return await step.BeginDialogAsync(nameof(SetReminderDialog), SetReminderOptions.From(recognition), ct);
            case Intent.ListReminders:
                return await step.BeginDialogAsync(nameof(ListRemindersDialog), null, ct);
            case Intent.CompleteReminder:
                return await step.BeginDialogAsync(nameof(ListRemindersDialog), new ListRemindersOptions(ReminderNumber(recognition)), ct);
            case Intent.CancelReminder:
                return await step.BeginDialogAsync(nameof(ListRemindersDialog), new ListRemindersOptions(Cancel: ReminderNumber(recognition)), ct);
            case Intent.ListWorkflows or Intent.PauseWorkflow or Intent.ResumeWorkflow or Intent.ReleaseHeldRuns or Intent.DiscardHeldRuns:
                return await step.BeginDialogAsync(nameof(WorkflowsDialog), WorkflowRequest.Of(recognition), ct);
            case Intent.ExplainMessage:
                return await step.BeginDialogAsync(nameof(WhyMessageDialog), WhyMessageRequest.Of(recognition), ct);
            case Intent.Human:
                return await step.BeginDialogAsync(nameof(AskForHumanDialog), recognition.Text, ct);
            case Intent.OptOut:
                return await step.BeginDialogAsync(nameof(MessageConsentDialog), false, ct);
            case Intent.OptIn:
                return await step.BeginDialogAsync(nameof(MessageConsentDialog), true, ct);
            case Intent.UpdateContact:
                return await step.BeginDialogAsync(nameof(UpdateContactDialog), null, ct);
            case Intent.Greeting or Intent.Menu or Intent.Help or Intent.Cancel:
                await step.Context.SendActivityAsync(Menu(step.Context, _text["Menu"]), ct);
                return await step.EndDialogAsync(null, ct);
            default:
                await step.Context.SendActivityAsync(Menu(step.Context, _text["NotUnderstood"]), ct);
                return await step.EndDialogAsync(null, ct);
        }
    }

    private static Task<DialogTurnResult> DoneAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.EndDialogAsync(step.Result, ct);

    /// <summary>
    /// The first message of someone new: a welcome with the menu, or for a Teams user who is not a rep the reason the
    /// bot will not help them.
    /// </summary>
    public IMessageActivity Welcome(ITurnContext turnContext, string? name)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Caller().Role == CallerRole.Stranger)
        {
            return MessageFactory.Text(_text["StrangerRefused"]);
        }

        return Menu(turnContext, string.IsNullOrWhiteSpace(name) ? _text["Welcome"] : _text["WelcomeNamed", name]);
    }

    /// <summary>What CrmBot can do now, as text (for channels without buttons) and as buttons.</summary>
    public IMessageActivity Menu(ITurnContext turnContext, string intro)
    {
        var reply = MessageFactory.Text($"{intro}\n\n{_text["MenuTrack"]}\n{_text["MenuBrowse"]}\n{_text["MenuOrder"]}");
        return ChoiceButtons.Append(turnContext, reply, [new Choice(_text["ActionTrack"]), new Choice(_text["ActionBrowse"]), new Choice(_text["ActionOrder"])]);
    }

    /// <summary>"Reminder 2" reads as a number, "第2个提醒" as a quantity ("2个").</summary>
    private static int? ReminderNumber(RecognitionResult recognition) =>
        (int?)recognition.Entity<NumberEntity>()?.Value ?? recognition.Entity<QuantityEntity>()?.Value;
}
