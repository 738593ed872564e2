using System.Text.Json.Nodes;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Insights;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.SalesReps;
using CrmBot.Domain.Workflows;
using CrmBot.Tests.DirectLine;
using CrmBot.Tests.Proactive;
using CrmBot.Workflows.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmBot.Tests.Workflows.Engine;

/// <summary>
/// What the engine's tests start from: a <see cref="ProactiveShop"/> whose only workflows are the test's rules, the
/// engine's two jobs to run as the schedule would, and what a person would look at afterwards (the chats, the runs
/// and their logs, reminders, tags).
/// </summary>
public sealed class WorkflowShop(ProactiveShop shop) : IAsyncDisposable
{
    public ProactiveShop Shop => shop;

    public FakeTimeProvider Clock => shop.App.Clock;

    public WorkflowJobs Jobs => shop.Get<WorkflowJobs>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="rules">The rules, JSON objects separated by commas; the shipped defaults are off.</param>
    /// <param name="provider">The database the app runs on.</param>
    /// <param name="maxMessagesPerRun">Workflows:MaxMessagesPerRun, the mass-send guard's limit.</param>
    public static async Task<WorkflowShop> OpenAsync(string rules, DatabaseProvider provider = DatabaseProvider.Sqlite, int maxMessagesPerRun = 100) =>
        new(await ProactiveShop.OpenAsync(new WorkflowApplication(WorkflowApplication.Only(rules), provider, maxMessagesPerRun)));

    /// <summary>The every-minute job: runs for the new events, then whatever is due.</summary>
    public Task<WorkflowPassSummary> ProcessEventsAsync() => Jobs.ProcessEventsAsync(Ct);

    /// <summary>The quarter-hourly job: runs for the time-based triggers, then whatever is due.</summary>
    public Task<WorkflowPassSummary> ScanAsync() => Jobs.ScanAsync(Ct);

    /// <summary>A customer signed in to the shop's web chat, and the chat from after the bot's answer to their hello.</summary>
    public async Task<(Customer Customer, Chat Chat)> CustomerInChatAsync(
        string name, string timeZone = "UTC", bool consent = true, Guid? repId = null, PostalAddress? address = null, string language = "en")
    {
        var customer = await shop.AddCustomerAsync(name, timeZone, language, consent, phone: "+86 138 0013 8000", repId, address);
        return (customer, await ChatFromNowAsync(await shop.OpenChatAsync(customer)));
    }

    /// <summary>A rep in the web chat, and the chat from after the bot's welcome.</summary>
    public async Task<(SalesRep Rep, Chat Chat)> RepInChatAsync(string name, string timeZone = "UTC")
    {
        var (rep, session) = await shop.RepInChatAsync(name, timeZone);
        return (rep, await ChatFromNowAsync(session));
    }

    /// <summary>The bot's texts in the chat since <see cref="Chat.Watermark"/>.</summary>
    public Task<string[]> TextsAsync(Chat chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return shop.Client.BotTextsAsync(ProactiveShop.Reading(chat.Session), chat.Watermark);
    }

    /// <summary>The bot's messages to a customer since <see cref="Chat.Watermark"/>, without the line on how to stop them that each ends with.</summary>
    public async Task<string[]> MessagesAsync(Chat chat) => [.. (await TextsAsync(chat)).Select(t => t.Split("\n\n")[0])];

    /// <summary>The activities in the chat since <see cref="Chat.Watermark"/>.</summary>
    public async Task<JsonArray> ActivitiesAsync(Chat chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return (await shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat.Session), chat.Watermark)).Activities;
    }

    /// <summary>The chat from its latest activity on.</summary>
    public async Task<Chat> ChatFromNowAsync(DirectLineClient.Session session)
    {
        var (_, watermark) = await shop.Client.ActivitiesAsync(ProactiveShop.Reading(session));
        return new Chat(session, watermark);
    }

    public Task<Order> PlaceAsync(Customer customer) => shop.PlaceAsync(customer);

    public Task<Order> PayAsync(Order order) =>
        shop.OrdersAsync(orders => orders.PayAsync(order.Number, order.Total, "alipay", null, Actor.System, ct: Ct));

    public Task<Order> ShipAsync(Order order) =>
        shop.OrdersAsync(orders => orders.ShipAsync(order.Number, "SF Express", "SF1234567890", Actor.System, ct: Ct));

    public Task<Order> DeliverAsync(Order order) => shop.OrdersAsync(orders => orders.DeliverAsync(order.Number, Actor.System, ct: Ct));

    public Task<Order> RefundAsync(Order order, decimal amount) =>
        shop.OrdersAsync(orders => orders.RefundAsync(order.Number, new Money(amount, order.Total.Currency), "A cup broke", Actor.System, ct: Ct));

    public Task<Order> CancelAsync(Order order) => shop.OrdersAsync(orders => orders.CancelAsync(order.Number, "Changed my mind", Actor.System, ct: Ct));

    /// <summary>A rep logs a call with the customer now.</summary>
    public async Task LogCallAsync(Customer customer, SalesRep rep)
    {
        await using var scope = shop.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<InteractionService>().LogAsync(customer.Id, rep.Id, InteractionKind.Call, "Talked", null, Ct);
    }

    /// <summary>What a scoring run leaves for the customer now: <paramref name="probability"/>, and the one before as the previous.</summary>
    public Task ScoreAsync(Customer customer, double probability) => shop.WithDbAsync(async db =>
    {
        var score = await db.CustomerScores.SingleOrDefaultAsync(s => s.CustomerId == customer.Id, Ct);
        if (score is null)
        {
            db.CustomerScores.Add(new CustomerScoreRecord { CustomerId = customer.Id, Probability = probability, ScoredAt = Clock.GetUtcNow() });
        }
        else
        {
            (score.PreviousProbability, score.Probability, score.ScoredAt) = (score.Probability, probability, Clock.GetUtcNow());
        }

        await db.SaveChangesAsync(Ct);
    });

    /// <summary>The runs of <paramref name="workflow"/>, oldest first.</summary>
    public async Task<List<WorkflowRun>> RunsAsync(string workflow)
    {
        await using var db = await shop.DbAsync();
        return await db.WorkflowRuns.AsNoTracking().Where(r => r.Workflow == workflow).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(Ct);
    }

    /// <summary>The one run of <paramref name="workflow"/>.</summary>
    public async Task<WorkflowRun> RunAsync(string workflow) => Assert.Single(await RunsAsync(workflow));

    public async Task<List<string>> TagsAsync(Customer customer)
    {
        await using var db = await shop.DbAsync();
        return await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == customer.Id).OrderBy(t => t.Tag).Select(t => t.Tag).ToListAsync(Ct);
    }

    public async Task<Guid?> RepOfAsync(Customer customer)
    {
        await using var db = await shop.DbAsync();
        return await db.Customers.AsNoTracking().Where(c => c.Id == customer.Id).Select(c => c.AssignedRepId).SingleAsync(Ct);
    }

    public Task<bool> PauseAsync(string workflow) => shop.Get<WorkflowSwitchboard>().SwitchAsync(workflow, paused: true, repId: null, Ct);

    public Task<bool> ResumeAsync(string workflow) => shop.Get<WorkflowSwitchboard>().SwitchAsync(workflow, paused: false, repId: null, Ct);

    public ValueTask DisposeAsync() => shop.DisposeAsync();

    /// <summary>A web chat, read from <see cref="Watermark"/> on.</summary>
    public sealed record Chat(DirectLineClient.Session Session, string Watermark);
}
