using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Privacy;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Privacy;

/// <summary>
/// Erasing a customer leaves no personal data of theirs in any table, keeps the books (orders, amounts, statuses),
/// leaves other customers alone, is audited, all or nothing, and harmless to repeat.
/// </summary>
public class CustomerErasureTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoTextColumnOfAnyTableHoldsTheErasedCustomersNameEmailOrPhone()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var shop = await PrivacyShop.CreateAsync(db, Ct);
        Assert.NotEmpty(await PersonalDataFoundAsync(db));

        await EraseAsync(db, shop.Alice.Id);

        Assert.Empty(await PersonalDataFoundAsync(db));
    }

    [Fact]
    public async Task OrdersKeepTheirTotalsLinesPaymentsAndStatuses()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var shop = await PrivacyShop.CreateAsync(db, Ct);

        await EraseAsync(db, shop.Alice.Id);

        var delivered = await db.ReloadAsync(shop.Delivered.Number, Ct);
        Assert.Equal((OrderStatus.PartiallyRefunded, new Money(100m, "CNY"), 4), (delivered.Status, delivered.Total, delivered.Lines.Single().Quantity));
        Assert.Equal((new Money(100m, "CNY"), new Money(25m, "CNY")), (delivered.AmountPaid, delivered.AmountRefunded));
        Assert.Equal(shop.Alice.Id, delivered.CustomerId);
        Assert.Equal("customer:Erased customer", delivered.History.OrderBy(h => h.Step).First().Actor);
        Assert.Equal("One mug broke; Erased customer asked to be called on Erased customer", delivered.Refunds.Single().Reason);
        Assert.Equal(OrderStatus.Cancelled, (await db.ReloadAsync(shop.Cancelled.Number, Ct)).Status);
    }

    [Fact]
    public async Task TheCustomerRecordStaysUnderANeutralNameWithoutContactOrConsent()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var shop = await PrivacyShop.CreateAsync(db, Ct);

        await EraseAsync(db, shop.Alice.Id);

        var alice = await db.CustomersAsync(customers => customers.GetAsync(shop.Alice.Id, Ct));
        Assert.Equal((Customer.ErasedName, null, null, null, false), (alice.Name, alice.Email, alice.Phone, alice.Address, alice.ConsentToProactiveMessages));
        Assert.Equal(TestDatabase.Start, alice.ErasedAt);
    }

    [Fact]
    public async Task TheirChatsReferencesStateRemindersAndNotesGoButTheInteractionsAreCounted()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var shop = await PrivacyShop.CreateAsync(db, Ct);

        var result = await EraseAsync(db, shop.Alice.Id);

        Assert.Equal(new ErasureResult(shop.Alice.Id, false, 2, 1, 1, 1, 2, 3, 2, 1), result);
        await db.WithDbAsync(async context =>
        {
            Assert.Equal(["bob-chat"], await context.DirectLineConversations.Select(c => c.Id).ToListAsync(Ct));
            Assert.Empty(await context.ConversationReferences.ToListAsync(Ct));
            Assert.Equal(["directline/conversations/bob-chat"], await context.StoredStates.Select(s => s.Key).ToListAsync(Ct));
            Assert.Empty(await context.Reminders.ToListAsync(Ct));
            var interaction = await context.Interactions.SingleAsync(i => i.CustomerId == shop.Alice.Id, Ct);
            Assert.Equal((null, "wants a quote"), (interaction.Notes, interaction.Outcome));
        });
    }

    [Fact]
    public async Task AnotherCustomerIsUntouched()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var shop = await PrivacyShop.CreateAsync(db, Ct);
        var before = CustomerDataExport.ToJson(await CustomerDataExportTests.ExportAsync(db, shop.Bob.Id, TestDatabase.Rep));

        await EraseAsync(db, shop.Alice.Id);

        Assert.Equal(before, CustomerDataExport.ToJson(await CustomerDataExportTests.ExportAsync(db, shop.Bob.Id, TestDatabase.Rep)));
    }

    [Theory]
    [InlineData("Alice")]
    [InlineData("zhang")]
    [InlineData("alice@example.com")]
    [InlineData("+8613800138000")]
    [InlineData("138 0013 8000")]
    public async Task SearchNoLongerFindsThemByTheirOldNameEmailOrPhone(string query)
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var shop = await PrivacyShop.CreateAsync(db, Ct);
        Assert.Contains(shop.Alice.Id, await SearchAsync(db, query));

        await EraseAsync(db, shop.Alice.Id);

        Assert.DoesNotContain(shop.Alice.Id, await SearchAsync(db, query));
    }

    [Fact]
    public async Task ErasingTwiceSaysItWasAlreadyDoneAndAuditsBoth()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var shop = await PrivacyShop.CreateAsync(db, Ct);
        await EraseAsync(db, shop.Alice.Id);

        var again = await EraseAsync(db, shop.Alice.Id);

        Assert.Equal(new ErasureResult(shop.Alice.Id, true, 0, 0, 0, 0, 0, 0, 0, 0), again);
        var audit = await db.Services.GetRequiredService<PrivacyAudit>().OfCustomerAsync(shop.Alice.Id, Ct);
        Assert.Equal([PrivacyOutcome.Erased, PrivacyOutcome.AlreadyErased], audit.Select(e => e.Outcome));
        Assert.All(audit, e => Assert.Equal((PrivacyAction.Erase, "rep:Li Na"), (e.Action, e.Actor)));
    }

    [Fact]
    public async Task AFailureHalfWayLeavesEverythingAsItWasAndAuditsTheFailure()
    {
        var failure = new FailingCommand();
        await using var db = await TestDatabase.CreateAsync(failure, Ct, Provider);
        var shop = await PrivacyShop.CreateAsync(db, Ct);
        var before = await DataOfAllTablesAsync(db);
        failure.Arm("DELETE FROM \"BotState\"");

        await Assert.ThrowsAsync<InvalidOperationException>(() => EraseAsync(db, shop.Alice.Id));

        Assert.Equal(before, await DataOfAllTablesAsync(db, except: "PrivacyAudit"));
        var entry = Assert.Single(await db.Services.GetRequiredService<PrivacyAudit>().OfCustomerAsync(shop.Alice.Id, Ct));
        Assert.Equal((PrivacyAction.Erase, PrivacyOutcome.Failed), (entry.Action, entry.Outcome));
        Assert.Contains(shop.Alice.Id, await SearchAsync(db, "Alice"));
    }

    [Fact]
    public async Task ErasingAnUnknownCustomerIsNotFoundAndAudited()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var nobody = Guid.CreateVersion7();

        await Assert.ThrowsAsync<NotFoundException>(() => EraseAsync(db, nobody));

        Assert.Equal(PrivacyOutcome.NotFound, Assert.Single(await db.Services.GetRequiredService<PrivacyAudit>().OfCustomerAsync(nobody, Ct)).Outcome);
    }

    private static Task<ErasureResult> EraseAsync(TestDatabase db, Guid customerId) =>
        db.InScopeAsync(services => services.GetRequiredService<CustomerErasure>().EraseAsync(customerId, TestDatabase.Rep, Ct));

    private static async Task<List<Guid>> SearchAsync(TestDatabase db, string query) =>
        [.. (await db.CustomersAsync(customers => customers.SearchAsync(query, ct: Ct))).Items.Select(c => c.Id)];

    /// <summary>"table.column: term" for every text column of every table of the EF model that holds one of Alice's personal data.</summary>
    private static Task<List<string>> PersonalDataFoundAsync(TestDatabase db) => db.WithDbAsync(async context =>
    {
        var found = new List<string>();
        foreach (var (table, column) in TextColumns(context.Model))
        {
            foreach (var term in PrivacyShop.PersonalData)
            {
                // Table and column names come from the model, not from input.
                var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\" WHERE \"{column}\" LIKE '%' || {{0}} || '%'";
                var hits = await context.Database.SqlQueryRaw<int>(sql, term).SingleAsync(Ct);
                if (hits > 0)
                {
                    found.Add($"{table}.{column}: {term}");
                }
            }
        }

        return found;
    });

    /// <summary>Every row of every table of the model, as text, for comparing the whole database before and after.</summary>
    private static Task<List<string>> DataOfAllTablesAsync(TestDatabase db, string? except = null) => db.WithDbAsync(async context =>
    {
        var rows = new List<string>();
        foreach (var table in context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Where(t => t != except).Order())
        {
            var connection = context.Database.GetDbConnection();
            await context.Database.OpenConnectionAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                rows.Add(table + ": " + string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return rows;
    });

    private static IEnumerable<(string Table, string Column)> TextColumns(IModel model) =>
        model.GetEntityTypes()
            .SelectMany(entity => entity.GetTableName() is { } table
                ? entity.GetProperties().Where(p => p.ClrType == typeof(string))
                    .Select(p => (table, p.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))))
                : [])
            .Where(c => c.Item2 is not null)
            .Select(c => (c.table, c.Item2!))
            .Distinct();
}
