using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrmBot.Conversations.Cards;
using CrmBot.Dialogs;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Products;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Conversations;

/// <summary>
/// Places an order in chat: pick products and quantities (never more than is in stock), "anything else?", who is
/// buying (a signed-in customer as they are; a rep first picks an existing customer the order is for; anyone else
/// gives a name and an email or phone, checked by the domain's rules), the summary, and a confirmation. Only a yes writes anything: the customer, then the order,
/// under a key of this conversation and dialog, so a retried turn cannot place it twice.
/// </summary>
public sealed class PlaceOrderDialog : ComponentDialog
{
    private const string Waterfall = "placeOrder";
    private const string ProductPrompt = "placeOrder.product";
    private const string QuantityPrompt = "placeOrder.quantity";
    private const string MorePrompt = "placeOrder.more";
    private const string NamePrompt = "placeOrder.name";
    private const string ContactPrompt = "placeOrder.contact";
    private const string ConfirmOrderPrompt = "placeOrder.confirm";
    private const string CartKey = "cart";
    private const string AttemptKey = "attempt";
    private const string QuantityKey = "quantity";
    private const string OfferedKey = "offered";
    private const string LineKey = "line";
    private const string NameKey = "name";
    private const string ContactKey = "contact";
    private const string BuyerKey = "buyer";
    private const int MaxChoices = 10;

    private readonly ProductCatalog _catalog;
    private readonly ProductMatcher _matcher;
    private readonly CustomerService _customers;
    private readonly OrderService _orders;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<PlaceOrderDialog> _text;
    private readonly string _defaultRegion;
    private readonly PaymentInstructions _payment;

    public PlaceOrderDialog(
        ProductCatalog catalog, ProductMatcher matcher, CustomerService customers, OrderService orders, TimeProvider clock,
        IStringLocalizer<PlaceOrderDialog> text, IOptions<CrmOptions> options, PaymentInstructions payment, FindCustomerDialog findCustomer)
        : base(nameof(PlaceOrderDialog))
    {
        _catalog = catalog;
        _matcher = matcher;
        _customers = customers;
        _orders = orders;
        _clock = clock;
        _text = text;
        _defaultRegion = options.Value.DefaultRegion;
        _payment = payment;
        AddDialog(new WaterfallDialog(Waterfall, [FindBuyerAsync, PickProductAsync, AskQuantityAsync, AddToCartAsync, AskNameAsync, AskContactAsync, ReviewAsync, PlaceAsync]));
        AddDialog(new ChoicePrompt(ProductPrompt));
        AddDialog(new NumberPrompt<int>(QuantityPrompt, ValidateQuantityAsync));
        AddDialog(new ConfirmPrompt(MorePrompt));
        AddDialog(new TextPrompt(NamePrompt, ValidateNameAsync));
        AddDialog(new TextPrompt(ContactPrompt, ValidateContactAsync));
        AddDialog(new ConfirmPrompt(ConfirmOrderPrompt));
        AddDialog(findCustomer);
        InitialDialogId = Waterfall;
    }

    /// <summary>A rep orders for an existing customer, picked first (once: the "anything else?" loop keeps them).</summary>
    private async Task<DialogTurnResult> FindBuyerAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var options = step.GetOptions<PlaceOrderOptions>() ?? new PlaceOrderOptions();
        if (!step.Context.Caller().IsRep || options.Buyer is not null)
        {
            return await step.NextAsync(options.Buyer, ct);
        }

        return await step.BeginDialogAsync(nameof(FindCustomerDialog), new FindCustomerOptions(options.Customer, PickOnly: true), ct);
    }

    private async Task<DialogTurnResult> PickProductAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var options = step.GetOptions<PlaceOrderOptions>() ?? new PlaceOrderOptions();
        if (step.Context.Caller().IsRep)
        {
            if (step.Result is not CustomerSummary buyer)
            {
                await step.Context.SendActivityAsync(_text["NoBuyer"], cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            }

            step.Values[BuyerKey] = buyer;
        }

        step.Values[CartKey] = options.Cart ?? [];
        step.Values[AttemptKey] = options.AttemptKey ?? Guid.NewGuid().ToString("N");
        step.Values[QuantityKey] = options.Quantity;
        var matches = await _matcher.MatchAsync(options.Text, ct);
        if (matches.Count == 1)
        {
            step.Values[QuantityKey] = QuantityOutsideSku(options.Text!, options.Quantity, matches[0].Sku);
            return await step.NextAsync(matches[0].Sku, ct);
        }

        var offered = matches.Count > 1 ? matches : (await _catalog.BrowseAsync(null, 1, MaxChoices, ct)).Items.Where(p => p.Stock > 0).ToList();
        if (offered.Count == 0)
        {
            await step.Context.SendActivityAsync(_text["NothingToSell"], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[OfferedKey] = offered.Select(p => p.Sku).ToList();
        var question = new StringBuilder(_text[Cart(step).Count == 0 ? "WhichProduct" : "WhichNextProduct"]);
        for (var i = 0; i < offered.Count; i++)
        {
            question.Append('\n').Append(_text["Choice", i + 1, offered[i].Name, offered[i].Sku, offered[i].Price]);
        }

        return await step.PromptAsync(ProductPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(question.ToString()),
            Choices = offered.Select(p => new Choice(p.Name) { Synonyms = [p.Sku] }).ToList(),
            Help = MessageFactory.Text(_text["ProductHelp"]),
        }, ct);
    }

    private async Task<DialogTurnResult> AskQuantityAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var sku = step.Result switch
        {
            FoundChoice choice => step.Values.GetValue<List<string>>(OfferedKey)![choice.Index],
            string text => text,
            _ => null,
        };
        if (sku is null || await _catalog.FindBySkuAsync(sku, ct) is not { } product)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var available = product.Stock - Cart(step).Where(line => line.Sku == product.Sku).Sum(line => line.Quantity);
        if (available <= 0)
        {
            await step.Context.SendActivityAsync(_text["SoldOut", product.Name], cancellationToken: ct);
            return await step.ReplaceDialogAsync(Waterfall, Again(step), ct);
        }

        step.Values[LineKey] = new CartLine(product.Sku, product.Name, product.Price.Amount, product.Price.Currency, 0);
        var wanted = step.Values.GetValue<int?>(QuantityKey);
        if (wanted is { } quantity && quantity >= 1 && quantity <= available)
        {
            return await step.NextAsync(quantity, ct);
        }

        if (wanted > available)
        {
            await step.Context.SendActivityAsync(_text["OnlyLeft", available, product.Name], cancellationToken: ct);
        }

        return await step.PromptAsync(QuantityPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["HowMany", product.Name, product.Price, available]),
            RetryPrompt = MessageFactory.Text(_text["HowManyAgain", available]),
            Help = MessageFactory.Text(_text["QuantityHelp", available]),
            Validations = available,
        }, ct);
    }

    private async Task<DialogTurnResult> AddToCartAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not int quantity)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var line = step.Values.GetValue<CartLine>(LineKey)!;
        var cart = Cart(step);
        var index = cart.FindIndex(l => l.Sku == line.Sku);
        if (index >= 0)
        {
            cart[index] = cart[index] with { Quantity = cart[index].Quantity + quantity };
        }
        else
        {
            cart.Add(line with { Quantity = quantity });
        }

        return await step.PromptAsync(MorePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["Added", quantity, line.Name, Total(cart)]),
            Help = MessageFactory.Text(_text["MoreHelp"]),
        }, ct);
    }

    private async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken ct)
    {
        switch (step.Result)
        {
            case true:
                return await step.ReplaceDialogAsync(Waterfall, Again(step), ct);
            case not false:
                return await step.EndDialogAsync(null, ct);
        }

        if (step.Context.Caller().Role == CallerRole.Customer || step.Context.Caller().IsRep)
        {
            return await step.NextAsync(null, ct);
        }

        return await step.PromptAsync(NamePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["AskName"]),
            RetryPrompt = MessageFactory.Text(_text["AskNameAgain", Customer.NameMaxLength]),
            Help = MessageFactory.Text(_text["NameHelp"]),
        }, ct);
    }

    private async Task<DialogTurnResult> AskContactAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Context.Caller().Role == CallerRole.Customer || step.Context.Caller().IsRep)
        {
            return await step.NextAsync(null, ct);
        }

        if (step.Result is not string name)
        {
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[NameKey] = name;
        return await step.PromptAsync(ContactPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["AskContact", name]),
            Help = MessageFactory.Text(_text["ContactHelp"]),
            Validations = name,
        }, ct);
    }

    private async Task<DialogTurnResult> ReviewAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var caller = step.Context.Caller();
        var buyer = Buyer(step);
        if (caller.Role != CallerRole.Customer && buyer is null)
        {
            if (step.Result is not string contact)
            {
                return await step.EndDialogAsync(null, ct);
            }

            step.Values[ContactKey] = contact;
        }

        var cart = Cart(step);
        var lines = cart.Select(line => _text["SummaryLine", line.Quantity, line.Name, line.Sku, new Money(line.UnitPrice, line.Currency), line.Total()].Value).ToList();
        var total = _text["SummaryTotal", Total(cart)].Value;
        var buyerLine = (caller.Role, buyer) switch
        {
            (CallerRole.Customer, _) => _text["SummaryBuyer", caller.DisplayName],
            (_, { } picked) when (picked.Email ?? picked.Phone) is { } contact => _text["SummaryBuyerWithContact", picked.Name, contact],
            (_, { } picked) => _text["SummaryBuyer", picked.Name],
            _ => _text["SummaryBuyerWithContact", step.Values.GetValue<string>(NameKey)!, step.Values.GetValue<string>(ContactKey)!],
        };
        var summary = new StringBuilder(_text["Summary"]);
        foreach (var line in lines)
        {
            summary.Append('\n').Append(line);
        }

        summary.Append('\n').Append(total).Append('\n').Append(buyerLine).Append("\n\n").Append(_text["ConfirmQuestion"]);
        var prompt = MessageFactory.Text(summary.ToString());

        // The same summary as a card, for channels that render them; the text above carries it for the others.
        var card = new AdaptiveCard(
        [
            new TextBlock(_text["Summary"]) { Weight = "bolder" },
            .. lines.Select(line => new TextBlock(line)),
            new TextBlock(total) { Weight = "bolder" },
            new TextBlock(buyerLine),
        ]);
        prompt.Attachments = [card.ToAttachment()];
        return await step.PromptAsync(ConfirmOrderPrompt, new PromptOptions
        {
            Prompt = prompt,
            Help = MessageFactory.Text(_text["ConfirmHelp"]),
        }, ct);
    }

    private async Task<DialogTurnResult> PlaceAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not true)
        {
            if (step.Result is false)
            {
                await step.Context.SendActivityAsync(_text["NotPlaced"], cancellationToken: ct);
            }

            return await step.EndDialogAsync(null, ct);
        }

        var cart = Cart(step);
        var lines = cart.Select(line => new OrderLineRequest(line.Sku, line.Quantity)).ToList();
        var key = IdempotencyKey(step);
        try
        {
            // A retried turn finds the order it placed before, without creating its customer again.
            var order = await _orders.FindByIdempotencyKeyAsync(key, ct);
            if (order is null)
            {
                // Stock first: a customer is only created for an order that can be placed.
                await EnsureInStockAsync(cart, ct);
                var (customerId, actor) = await BuyerAsync(step, step.Context.Caller(), ct);
                order = await _orders.PlaceAsync(new PlaceOrderRequest(customerId, lines, key), actor, ct);
            }

            var placed = Buyer(step) is { } buyer ? _text["PlacedFor", order.Number, order.Total, buyer.Name] : _text["Placed", order.Number, order.Total];
            await step.Context.SendActivityAsync(placed, cancellationToken: ct);
            await step.Context.SendActivityAsync(_payment.For(order.Number, order.Total), cancellationToken: ct);
            return await step.EndDialogAsync(order.Number, ct);
        }
        catch (DomainException error)
        {
            await step.Context.SendActivityAsync(_text["NotPlacedBecause", Explain(error)], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }
    }

    private async Task EnsureInStockAsync(List<CartLine> cart, CancellationToken ct)
    {
        foreach (var line in cart)
        {
            var stock = (await _catalog.FindBySkuAsync(line.Sku, ct))?.Stock ?? 0;
            if (stock < line.Quantity)
            {
                throw new DomainException("product.out_of_stock", stock == 0
                    ? $"{line.Name} ({line.Sku}) is out of stock."
                    : $"Only {stock} of {line.Name} ({line.Sku}) left in stock; {line.Quantity} were asked for.");
            }
        }
    }

    private async Task<(Guid CustomerId, Actor Actor)> BuyerAsync(WaterfallStepContext step, Caller caller, CancellationToken ct)
    {
        if (caller.Role == CallerRole.Customer)
        {
            return (caller.Id!.Value, caller.ToActor());
        }

        if (Buyer(step) is { } buyer)
        {
            return (buyer.Id, caller.ToActor());
        }

        var name = step.Values.GetValue<string>(NameKey)!;
        var customer = await _customers.CreateAsync(Profile(name, step.Values.GetValue<string>(ContactKey)!), ct);
        return (customer.Id, caller.IsRep ? caller.ToActor() : Actor.Customer(customer.Id, customer.Name));
    }

    /// <summary>The same for every retry of this dialog's confirmation, different for every other order.</summary>
    private static string IdempotencyKey(WaterfallStepContext step)
    {
        var conversation = step.Context.Activity.Conversation?.Id ?? string.Empty;
        var source = $"{step.Context.Activity.ChannelId}\n{conversation}\n{step.Values.GetValue<string>(AttemptKey)}";
        return $"chat-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..40]}";
    }

    private static PlaceOrderOptions Again(WaterfallStepContext step) =>
        new(Cart: Cart(step), AttemptKey: step.Values.GetValue<string>(AttemptKey), Buyer: Buyer(step));

    /// <summary>The existing customer a rep is ordering for; null for customers and visitors.</summary>
    private static CustomerSummary? Buyer(WaterfallStepContext step) => step.Values.GetValue<CustomerSummary>(BuyerKey);

    private static List<CartLine> Cart(WaterfallStepContext step) => step.Values.GetValue<List<CartLine>>(CartKey) ?? [];

    private static Money Total(List<CartLine> cart) => cart.Select(line => line.Total()).Aggregate((sum, next) => sum + next);

    /// <summary>The quantity unless it was only the digits of the SKU ("buy MUG-2" asks for no quantity).</summary>
    private static int? QuantityOutsideSku(string text, int? quantity, string sku)
    {
        var digits = quantity?.ToString(CultureInfo.InvariantCulture);
        if (digits is null || !sku.Contains(digits, StringComparison.Ordinal))
        {
            return quantity;
        }

        var rest = text.Replace(sku, " ", StringComparison.OrdinalIgnoreCase);
        return rest.Split([' ', ',', '.', '×', 'x'], StringSplitOptions.RemoveEmptyEntries).Contains(digits, StringComparer.Ordinal) ? quantity : null;
    }

    /// <summary>A customer created in a chat is spoken to in that chat's language from then on.</summary>
    private static CustomerProfile Profile(string name, string contact) =>
        CustomerProfile.WithContact(name, contact, CultureInfo.CurrentUICulture.Name);

    private static Task<bool> ValidateQuantityAsync(PromptValidatorContext<int> prompt, CancellationToken ct) =>
        Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value >= 1
            && prompt.Recognized.Value <= Convert.ToInt32(prompt.Options.Validations, CultureInfo.InvariantCulture));

    private static Task<bool> ValidateNameAsync(PromptValidatorContext<string> prompt, CancellationToken ct) =>
        Task.FromResult(prompt.Recognized is { Succeeded: true, Value.Length: <= Customer.NameMaxLength });

    /// <summary>The domain's own rules decide what a valid email or phone is; nothing is saved before the confirmation.</summary>
    private async Task<bool> ValidateContactAsync(PromptValidatorContext<string> prompt, CancellationToken ct)
    {
        if (prompt.Recognized is not { Succeeded: true, Value: { } contact })
        {
            return false;
        }

        try
        {
            var name = Convert.ToString(prompt.Options.Validations, CultureInfo.InvariantCulture) ?? string.Empty;
            _ = new Customer(Profile(name, contact), _defaultRegion, _clock.GetUtcNow());
            return true;
        }
        catch (DomainException error)
        {
            await prompt.Context.SendActivityAsync(_text["ContactInvalid", Explain(error)], cancellationToken: ct);
            return false;
        }
    }

    /// <summary>A domain error in the turn's language where we have its words, else as the domain said it.</summary>
    private string Explain(DomainException error)
    {
        var translated = _text[$"Error.{error.Code}"];
        return translated.ResourceNotFound ? error.Message : translated.Value;
    }
}
