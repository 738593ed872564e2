using System.Globalization;
using System.Text;
using CrmBot.Dialogs;
using CrmBot.Domain.Products;
using CrmBot.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>
/// "Show me your products", "do you have mugs?": the products the question names, or a page of the catalogue with
/// "more" as a button. Each product is a hero card with a Buy button, and a line of the text too.
/// </summary>
public sealed class BrowseProductsDialog : ComponentDialog
{
    public const int PageSize = 5;

    private const string Waterfall = "browseProducts";
    private const string MorePrompt = "browseProducts.more";
    private const string PageKey = "page";

    private readonly ProductCatalog _catalog;
    private readonly ProductMatcher _matcher;
    private readonly IStringLocalizer<BrowseProductsDialog> _text;

    public BrowseProductsDialog(ProductCatalog catalog, ProductMatcher matcher, IStringLocalizer<BrowseProductsDialog> text)
        : base(nameof(BrowseProductsDialog))
    {
        _catalog = catalog;
        _matcher = matcher;
        _text = text;
        AddDialog(new WaterfallDialog(Waterfall, [ShowAsync, AfterPageAsync]));
        AddDialog(new TextPrompt(MorePrompt));
        InitialDialogId = Waterfall;
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var options = step.GetOptions<BrowseProductsOptions>() ?? new BrowseProductsOptions();
        if (options.Page == 1 && await _matcher.MatchAsync(options.Text, ct) is { Count: > 0 } matches)
        {
            await step.Context.SendActivityAsync(ProductList(step.Context, _text["Found"], matches, hasMore: false), ct);
            return await step.EndDialogAsync(null, ct);
        }

        var page = await _catalog.BrowseAsync(null, Math.Max(options.Page, 1), PageSize, ct);
        if (page.Items.Count == 0)
        {
            await step.Context.SendActivityAsync(_text[options.Page > 1 ? "NoMore" : "NoProducts"], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        var list = ProductList(step.Context, _text["Catalogue", page.PageNumber], page.Items, page.HasMore);
        if (!page.HasMore)
        {
            await step.Context.SendActivityAsync(list, ct);
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[PageKey] = page.PageNumber;
        return await step.PromptAsync(MorePrompt, new PromptOptions
        {
            Prompt = (Activity)list,
            Help = MessageFactory.Text(_text["Help"]),
            MaxAttempts = 0,
        }, ct);
    }

    private async Task<DialogTurnResult> AfterPageAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var answer = Dialogs.Utterance.Normalize(step.Result as string);
        if (_text["MoreWords"].Value.Split('|').Contains(answer, StringComparer.Ordinal))
        {
            return await step.ReplaceDialogAsync(Waterfall, new BrowseProductsOptions(null, step.Values.GetValue<int>(PageKey) + 1), ct);
        }

        // Browsing leads to buying: an order or another question about the products goes on from here.
        var recognition = step.Context.TurnState.Get<RecognitionResult>();
        switch (recognition?.Intent)
        {
            case Intent.PlaceOrder:
                return await step.ReplaceDialogAsync(nameof(PlaceOrderDialog), new PlaceOrderOptions(recognition.Text, recognition.Entity<QuantityEntity>()?.Value), ct);
            case Intent.BrowseProducts:
                return await step.ReplaceDialogAsync(Waterfall, new BrowseProductsOptions(recognition.Text), ct);
            default:
                await step.Context.SendActivityAsync(_text["Done"], cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
        }
    }

    private IMessageActivity ProductList(ITurnContext turnContext, string intro, IReadOnlyList<Product> products, bool hasMore)
    {
        var text = new StringBuilder(intro);
        foreach (var product in products)
        {
            text.Append('\n').Append(_text["Line", product.Name, product.Sku, product.Price, Availability(product)]);
        }

        text.Append("\n\n").Append(_text[hasMore ? "HowToBuyOrMore" : "HowToBuy"]);
        var cards = products.Select(product => new HeroCard
        {
            Title = product.Name,
            Subtitle = $"{product.Price} · {Availability(product)}",
            Text = product.Sku,
            Buttons = product.Stock > 0 ? [new CardAction(ActionTypes.ImBack, _text["ActionBuy"], value: _text["BuyCommand", product.Sku].Value)] : [],
        }.ToAttachment()).ToList();
        var reply = MessageFactory.Carousel(cards, text.ToString());
        return hasMore ? ChoiceButtons.Append(turnContext, reply, [new Choice(_text["ActionMore"])]) : reply;
    }

    private string Availability(Product product) =>
        product.Stock > 0 ? _text["InStock", product.Stock.ToString(CultureInfo.CurrentCulture)] : _text["OutOfStock"];
}
