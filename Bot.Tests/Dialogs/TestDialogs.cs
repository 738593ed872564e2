using CrmBot.Dialogs;
using Microsoft.Bot.Builder;

namespace CrmBot.Tests.Dialogs;

/// <summary>Small conversations to put the engine through its paces.</summary>
internal static class TestDialogs
{
    /// <summary>A root component that asks with <paramref name="prompt"/> and answers with <paramref name="describe"/> of the result.</summary>
    public static ComponentDialog AskAndTell(Dialog prompt, PromptOptions options, Func<object?, string> describe) =>
        new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("ask",
            [
                (step, ct) => step.PromptAsync(prompt.Id, options, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync(describe(step.Result), cancellationToken: ct);
                    return await step.EndDialogAsync(step.Result, ct);
                },
            ]))
            .AddDialog(prompt);

    public static PromptOptions Ask(string question) => new() { Prompt = MessageFactory.Text(question) };

    /// <summary>
    /// An order in three questions (name, boxes, confirm) that ends with a summary, inside <paramref name="component"/>
    /// (a plain or an interruptible component). <paramref name="waterfallId"/> and <paramref name="extraStep"/> change the
    /// waterfall the way
    /// a deploy would.
    /// </summary>
    public static ComponentDialog Order(ComponentDialog component, string waterfallId = "order-steps", bool extraStep = false)
    {
        List<WaterfallStep> steps =
        [
            (step, ct) => step.PromptAsync("name", new PromptOptions
            {
                Prompt = MessageFactory.Text("What's your name?"),
                Help = MessageFactory.Text("Your name as it should appear on the invoice."),
            }, ct),
            (step, ct) =>
            {
                step.Values["name"] = step.Result;
                return step.PromptAsync("boxes", Ask("How many boxes?"), ct);
            },
            (step, ct) =>
            {
                step.Values["boxes"] = step.Result;
                return step.PromptAsync("confirm", Ask($"Order {step.Result} boxes for {step.Values.GetValue<string>("name")}?"), ct);
            },
            async (step, ct) =>
            {
                var summary = step.Result is true
                    ? $"Ordered {step.Values.GetValue<int>("boxes")} boxes for {step.Values.GetValue<string>("name")}."
                    : "Nothing ordered.";
                await step.Context.SendActivityAsync(summary, cancellationToken: ct);
                return await step.EndDialogAsync(summary, ct);
            },
        ];
        if (extraStep)
        {
            steps.Insert(0, (step, ct) => step.NextAsync(null, ct));
        }

        return component
            .AddDialog(new WaterfallDialog(waterfallId, steps))
            .AddDialog(new TextPrompt("name"))
            .AddDialog(new NumberPrompt<int>("boxes"))
            .AddDialog(new ConfirmPrompt("confirm"));
    }
}
