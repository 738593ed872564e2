using System.Text;
using System.Text.Json;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Privacy;
using CrmBot.Identity;
using CrmBot.Tests.Conversations;
using CrmBot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Privacy;

/// <summary>Reps export a customer's data as a JSON file and erase it after saying yes; customers can do neither.</summary>
public sealed class CustomerDataDialogTests
{
    private static readonly Caller Rep = Caller.Rep(TestDatabase.Rep.Id!.Value, "Li Na");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARepGetsTheCustomersDataAsAJsonFileThatParses()
    {
        await using var host = await ConversationTestHost.CreateAsync(Ct);
        var alice = await AddAliceAsync(host);

        await host.Flow(Rep)
            .Send("export data for alice@example.com").AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.StartsWith("Here is everything CrmBot stores about Alice Zhang: 0 order(s)", message.Text, StringComparison.Ordinal);
                var file = Assert.Single(message.Attachments);
                Assert.Equal(("application/json", $"customer-{alice.Id}.json"), (file.ContentType, file.Name));
                using var json = JsonDocument.Parse(DataUri(file));
                Assert.Equal("alice@example.com", json.RootElement.GetProperty("customer").GetProperty("email").GetString());
                Assert.Equal("+8613800138000", json.RootElement.GetProperty("customer").GetProperty("phone").GetString());
            })
            .StartTestAsync();
        Assert.Equal(PrivacyAction.Export, Assert.Single(await AuditAsync(host, alice)).Action);
    }

    [Fact]
    public async Task ARepExportsByNameInChinese()
    {
        await using var host = await ConversationTestHost.CreateAsync(Ct);
        var alice = await AddAliceAsync(host);

        await host.Flow(Rep, locale: "zh-CN")
            .Send("导出客户数据 Alice Zhang").AssertReply(reply =>
            {
                Assert.StartsWith("这是 CrmBot 保存的关于 Alice Zhang 的全部数据", reply.AsMessageActivity().Text, StringComparison.Ordinal);
                Assert.Equal($"customer-{alice.Id}.json", Assert.Single(reply.AsMessageActivity().Attachments).Name);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ARepIsAskedWhoWillBeErasedAndNoChangesNothing()
    {
        await using var host = await ConversationTestHost.CreateAsync(Ct);
        var alice = await AddAliceAsync(host);

        await host.Flow(Rep)
            .Send("erase customer alice@example.com").AssertReply(reply =>
                Assert.StartsWith("Erase all personal data of Alice Zhang (alice@example.com)?", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("no").AssertReply("Okay, nothing was erased.")
            .StartTestAsync();

        Assert.Equal("alice@example.com", (await ReloadAsync(host, alice)).Email);
        Assert.Empty(await AuditAsync(host, alice));
    }

    [Fact]
    public async Task ARepWhoSaysYesErasesTheCustomerAndHearsWhatWent()
    {
        await using var host = await ConversationTestHost.CreateAsync(Ct);
        var alice = await AddAliceAsync(host);

        await host.Flow(Rep)
            .Send("删除客户数据 alice@example.com").AssertReply(reply => Assert.Contains("Alice Zhang (alice@example.com)", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("yes").AssertReply(reply => Assert.StartsWith("Done: the customer's personal data is erased. 0 order(s)", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        var erased = await ReloadAsync(host, alice);
        Assert.Equal((Customer.ErasedName, null, null), (erased.Name, erased.Email, erased.Phone));
        Assert.Equal(PrivacyOutcome.Erased, Assert.Single(await AuditAsync(host, alice)).Outcome);
    }

    [Theory]
    [InlineData("export data for alice@example.com")]
    [InlineData("erase customer alice@example.com")]
    public async Task ACustomerCannotExportOrEraseAndNothingHappens(string request)
    {
        await using var host = await ConversationTestHost.CreateAsync(Ct);
        var alice = await AddAliceAsync(host);

        await host.Flow(Caller.Customer(alice.Id, alice.Name))
            .Send(request).AssertReply(reply => Assert.StartsWith(RepArrangements.Refusal, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal("alice@example.com", (await ReloadAsync(host, alice)).Email);
        Assert.Empty(await AuditAsync(host, alice));
    }

    private static Task<Customer> AddAliceAsync(ConversationTestHost host) =>
        host.Database.AddCustomerAsync(PrivacyShop.Name, PrivacyShop.Email, PrivacyShop.NationalPhone, Ct);

    private static Task<Customer> ReloadAsync(ConversationTestHost host, Customer customer) =>
        host.Database.CustomersAsync(customers => customers.GetAsync(customer.Id, Ct));

    private static Task<IReadOnlyList<PrivacyAuditEntry>> AuditAsync(ConversationTestHost host, Customer customer) =>
        host.Database.Services.GetRequiredService<PrivacyAudit>().OfCustomerAsync(customer.Id, Ct);

    private static string DataUri(Attachment file)
    {
        const string Prefix = "data:application/json;base64,";
        Assert.StartsWith(Prefix, file.ContentUrl, StringComparison.Ordinal);
        return Encoding.UTF8.GetString(Convert.FromBase64String(file.ContentUrl[Prefix.Length..]));
    }
}
