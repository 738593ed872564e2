using System.Net;

namespace CrmBot.Tests.Api;

/// <summary>/api/v1/customers/{id}/reminders and /interactions.</summary>
public class CustomerRecordsApiTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task SetsRemindersForARepAndListsThemSoonestFirst()
    {
        var customer = await app.AddCustomerAsync();
        var rep = await app.AddRepAsync();
        var now = app.Clock.GetUtcNow();

        using var later = await _client.PostJsonAsync($"customers/{customer.Id}/reminders", new { repId = rep.Id, text = "Send the quote", dueAt = now.AddDays(2) });
        using var sooner = await _client.PostJsonAsync($"customers/{customer.Id}/reminders", new { repId = rep.Id, text = "Call back", dueAt = now.AddHours(3) });
        using var list = await _client.GetAsync($"customers/{customer.Id}/reminders", Ct);

        Assert.Equal("Open", (await later.JsonAsync(HttpStatusCode.Created)).GetProperty("status").GetString());
        await sooner.JsonAsync(HttpStatusCode.Created);
        var page = await list.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Call back", "Send the quote"], page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
        Assert.All(page.GetProperty("items").EnumerateArray(), r => Assert.Equal(rep.Id, r.GetProperty("repId").GetGuid()));
    }

    [Fact]
    public async Task AReminderForAnUnknownRepOrCustomerIsNotFound()
    {
        var customer = await app.AddCustomerAsync();
        var rep = await app.AddRepAsync();
        var due = app.Clock.GetUtcNow().AddDays(1);

        using var noRep = await _client.PostJsonAsync($"customers/{customer.Id}/reminders", new { repId = Guid.NewGuid(), text = "x", dueAt = due });
        using var noCustomer = await _client.PostJsonAsync($"customers/{Guid.NewGuid()}/reminders", new { repId = rep.Id, text = "x", dueAt = due });
        using var list = await _client.GetAsync($"customers/{customer.Id}/reminders", Ct);

        Assert.Contains("Sales rep", (await noRep.ProblemAsync(HttpStatusCode.NotFound)).Detail(), StringComparison.Ordinal);
        Assert.Contains("Customer", (await noCustomer.ProblemAsync(HttpStatusCode.NotFound)).Detail(), StringComparison.Ordinal);
        Assert.Empty((await list.JsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AReminderWithoutTextOrDueTimeListsBoth()
    {
        var customer = await app.AddCustomerAsync();

        using var response = await _client.PostJsonAsync($"customers/{customer.Id}/reminders", new { repId = Guid.NewGuid() });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["dueAt", "text"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecordsInteractionsAndListsThemLatestFirst()
    {
        var customer = await app.AddCustomerAsync();
        var rep = await app.AddRepAsync();

        using var call = await _client.PostJsonAsync($"customers/{customer.Id}/interactions", new { kind = "Call", repId = rep.Id, outcome = "reached", notes = "Wants 20 boxes" });
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        using var note = await _client.PostJsonAsync($"customers/{customer.Id}/interactions", new { kind = "Note", notes = "Prefers WeChat" });
        using var list = await _client.GetAsync($"customers/{customer.Id}/interactions", Ct);

        Assert.Equal(rep.Id, (await call.JsonAsync(HttpStatusCode.Created)).GetProperty("repId").GetGuid());
        await note.JsonAsync(HttpStatusCode.Created);
        var items = (await list.JsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Note", "Call"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal("Wants 20 boxes", items[1].GetProperty("notes").GetString());
    }

    [Fact]
    public async Task AnInteractionOfAnUnknownKindIsABadRequest()
    {
        var customer = await app.AddCustomerAsync();

        using var response = await _client.PostJsonAsync($"customers/{customer.Id}/interactions", new { kind = "Telegram" });

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheInteractionsOfAnUnknownCustomerAreNotFound()
    {
        using var response = await _client.GetAsync($"customers/{Guid.NewGuid()}/interactions", Ct);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
