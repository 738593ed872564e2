using CrmBot.Dialogs;
using CrmBot.Identity;
using CrmBot.Understanding;
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

    public MainDialog(TrackOrderDialog trackOrder, IStringLocalizer<MainDialog> text)
        : base(nameof(MainDialog))
    {
        _text = text;
        AddDialog(trackOrder);
        AddDialog(new WaterfallDialog("main", [RouteAsync, DoneAsync]));
        InitialDialogId = "main";
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
            case Intent.Greeting or Intent.Menu or Intent.Help or Intent.Cancel:
                await step.Context.SendActivityAsync(Menu(_text["Menu"]), ct);
                return await step.EndDialogAsync(null, ct);
            default:
                await step.Context.SendActivityAsync(Menu(_text["NotUnderstood"]), ct);
                return await step.EndDialogAsync(null, ct);
        }
    }

    private static Task<DialogTurnResult> DoneAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.EndDialogAsync(step.Result, ct);

    public string WelcomeFor(string? name) => string.IsNullOrWhiteSpace(name) ? _text["Welcome"] : _text["WelcomeNamed", name];

    /// <summary>What CrmBot can do now, as text (for channels without buttons) and as suggested actions.</summary>
    public IMessageActivity Menu(string intro)
    {
        var reply = MessageFactory.Text($"{intro}\n\n{_text["MenuTrack"]}");
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = [new CardAction(ActionTypes.ImBack, _text["ActionTrack"], value: _text["ActionTrack"].Value)],
        };
        return reply;
    }
}
