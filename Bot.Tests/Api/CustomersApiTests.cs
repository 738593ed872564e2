using System.Net;

namespace CrmBot.Tests.Api;

/// <summary>/api/v1/customers: search, read, create, update, and what a client is told about bad input.</summary>
public class CustomersApiTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task CreatesACustomerAndAnswersWithWhereToFindIt()
    {
        using var created = await _client.PostJsonAsync("customers", new
        {
            name = "李四",
            email = "Li.Si@Example.com",
            phone = "138 0013 8001",
            address = new { city = "北京", country = "cn" },
            preferredLanguage = "zh-CN",
        });

        var body = await created.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("li.si@example.com", body.GetProperty("email").GetString());
        Assert.Equal("+8613800138001", body.GetProperty("phone").GetString());
        Assert.Equal("CN", body.GetProperty("address").GetProperty("country").GetString());
        using var fetched = await _client.GetAsync(created.Headers.Location, Ct);
        var again = await fetched.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(body.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal("李四", again.GetProperty("name").GetString());
    }

    [Fact]
    public async Task UpdatesTheWholeProfile()
    {
        var customer = await app.AddCustomerAsync("王五");

        using var response = await _client.PutJsonAsync($"customers/{customer.Id}", new { name = "王五五", phone = "13900139000", consentToProactiveMessages = true });

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("王五五", body.GetProperty("name").GetString());
        Assert.Equal(JsonValueKindNull, body.GetProperty("email").ValueKind);
        Assert.True(body.GetProperty("consentToProactiveMessages").GetBoolean());
    }

    [Fact]
    public async Task SearchesByNameAPageAtATime()
    {
        var surname = $"Q{Guid.NewGuid():N}"[..10];
        for (var i = 0; i < 3; i++)
        {
            await app.AddCustomerAsync($"{surname} {i}");
        }

        using var first = await _client.GetAsync($"customers?search={surname}&pageSize=2", Ct);
        using var second = await _client.GetAsync($"customers?search={surname}&pageSize=2&page=2", Ct);

        var one = await first.JsonAsync(HttpStatusCode.OK);
        var two = await second.JsonAsync(HttpStatusCode.OK);
        Assert.Equal([$"{surname} 0", $"{surname} 1"], one.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.True(one.GetProperty("hasMore").GetBoolean());
        Assert.Equal(2, one.GetProperty("pageSize").GetInt32());
        Assert.Equal([$"{surname} 2"], two.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.False(two.GetProperty("hasMore").GetBoolean());
        Assert.Equal(2, two.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task AnUnknownCustomerIsNotFound()
    {
        var id = Guid.NewGuid();

        using var response = await _client.GetAsync($"customers/{id}", Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(id.ToString(), problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatingAnUnknownCustomerIsNotFound()
    {
        using var response = await _client.PutJsonAsync($"customers/{Guid.NewGuid()}", new { name = "Nobody", email = "nobody@example.com" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MissingAndTooLongFieldsAreEachListed()
    {
        using var response = await _client.PostJsonAsync("customers", new
        {
            email = "someone@example.com",
            address = new { street = new string('x', 301), country = "CN" },
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["address.city", "address.street", "name"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("The Name field is required.", errors.GetProperty("name")[0].GetString());
        using var search = await _client.GetAsync("customers?search=someone@example.com", Ct);
        Assert.Empty((await search.JsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ACustomerWithoutEmailOrPhoneIsRefusedWithTheReason()
    {
        using var response = await _client.PostJsonAsync("customers", new { name = "No Contact" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("A customer needs an email address or a phone number.", problem.Detail());
        Assert.Equal("customer.contact_required", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ANameWithANulCharacterIsRefusedWithTheReasonAndNothingIsStored()
    {
        using var response = await _client.PostRawAsync("customers", """{ "name": "Wang\u0000Fang", "email": "nul.name@example.com" }""");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Name contains a character that is not text (U+0000 at position 5).", problem.Detail());
        using var search = await _client.GetAsync("customers?search=nul.name@example.com", Ct);
        Assert.Empty((await search.JsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestProblemNotAServerError()
    {
        using var response = await _client.PostRawAsync("customers", "{ \"name\": \"张三\", ");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageSizeOutOfRangeIsABadRequest()
    {
        using var response = await _client.GetAsync("customers?pageSize=1000", Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("100", problem.Detail(), StringComparison.Ordinal);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
