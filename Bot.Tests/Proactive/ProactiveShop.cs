using System.Text.Json.Nodes;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Products;
using CrmBot.Domain.SalesReps;
using CrmBot.Tests.DirectLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Proactive;

/// <summary>
/// What proactive tests start from: the real app with a clock they move, one product on sale, and reps and customers
/// who talk to the bot in the web chat (tokens the site minted for them with the Direct Line secret).
/// </summary>
public sealed class ProactiveShop(DirectLineApplication app) : IAsyncDisposable
{
    public const string Sku = "TEA-1";

    public DirectLineApplication App => app;

    public DirectLineClient Client { get; } = app.CreateDirectLineClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ProactiveShop> OpenAsync(DirectLineApplication? app = null)
    {
        var shop = new ProactiveShop(app ?? new DirectLineApplication());
        await shop.WithDbAsync(db =>
        {
            db.Products.Add(new Product(Sku, "Longjing tea", new Money(88m, "CNY"), stock: 1000));
            return db.SaveChangesAsync(Ct);
        });
        return shop;
    }

    public T Get<T>()
        where T : notnull => app.Services.GetRequiredService<T>();

    public async Task<(SalesRep Rep, DirectLineClient.Session Chat)> RepInChatAsync(string name, string timeZone)
    {
        var rep = await app.AddRepAsync(name, timeZone);
        var chat = await Client.SessionForAsync($"rep:{rep.Id}", DirectLineApplication.Secret);
        await Client.SayAsync(chat, "hi");
        return (rep, chat);
    }

    /// <summary>A customer who agreed to messages and is signed in to the shop's web chat.</summary>
    public async Task<(Customer Customer, DirectLineClient.Session Chat)> CustomerInChatAsync(string name, string timeZone = "UTC", string language = "en")
    {
        var customer = await AddCustomerAsync(name, timeZone, language, consent: true);
        return (customer, await OpenChatAsync(customer));
    }

    /// <summary>The customer signs in to the shop's web chat and says hi.</summary>
    public async Task<DirectLineClient.Session> OpenChatAsync(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var chat = await Client.SessionForAsync($"customer:{customer.Id}", DirectLineApplication.Secret, customer.Name);
        await Client.SayAsync(chat, "hi");
        return chat;
    }

    public async Task<Customer> AddCustomerAsync(
        string name, string timeZone, string language, bool consent, string? phone = null, Guid? repId = null, PostalAddress? address = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var profile = new CustomerProfile(
            name, $"{Guid.NewGuid():N}@example.com", phone, address, TimeZone: timeZone, PreferredLanguage: language, ConsentToProactiveMessages: consent);
        var customers = scope.ServiceProvider.GetRequiredService<CustomerService>();
        var customer = await customers.CreateAsync(profile, Ct);
        if (repId is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Attach(customer);
            customer.AssignRep(repId, app.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        return customer;
    }

    public Task<Order> PlaceAsync(Customer customer) =>
        OrdersAsync(orders => orders.PlaceAsync(new PlaceOrderRequest(customer.Id, [new OrderLineRequest(Sku, 1)]), Actor.Customer(customer.Id, customer.Name), Ct));

    public async Task<Order> OrdersAsync(Func<OrderService, Task<Order>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OrderService>());
    }

    public async Task WithDbAsync(Func<CrmDbContext, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
    }

    /// <summary>A context of its own, for reading what the jobs recorded.</summary>
    public Task<CrmDbContext> DbAsync() => app.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();

    /// <summary>The chat as the site's back end reads it with the secret: the user's token has expired by the time a test's clock got there.</summary>
    public static DirectLineClient.Session Reading(DirectLineClient.Session chat) => chat with { Token = DirectLineApplication.Secret };

    /// <summary>The button titled <paramref name="title"/> on the latest card among <paramref name="activities"/>.</summary>
    public static JsonObject Button(JsonArray activities, string title) =>
        activities.Select(a => a!["attachments"] is JsonArray { Count: > 0 } cards ? cards[0]!["content"]?["buttons"]?.AsArray() : null)
            .Last(buttons => buttons is not null)!
            .Single(b => (string?)b!["title"] == title)!.AsObject();

    /// <summary>What Web Chat posts for a messageBack button: its text and its value.</summary>
    public static JsonObject Press(DirectLineClient.Session chat, JsonObject button)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(button);
        var press = chat.Message((string)button["text"]!);
        press["value"] = button["value"]!.DeepClone();
        return press;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
