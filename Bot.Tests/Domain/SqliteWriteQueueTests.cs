using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Products;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Domain;

/// <summary>
/// Writers of one process to the SQLite database take turns (<see cref="SqliteWriteQueue"/>): whole transactions one
/// after another, and every kind of write hands the turn on when it ends, also when it fails.
/// </summary>
public sealed class SqliteWriteQueueTests
{
    private const string Sku = "TEA-01";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TransactionsThatReadThenWriteAllCommitWhenManyRunAtOnce()
    {
        // Each takes its turn for the whole transaction: none loses its update to another or fails for the lock.
        await using var db = await TestDatabase.CreateAsync(Ct);
        await db.AddProductAsync(Sku, 10m, stock: 100, Ct);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => db.WithDbAsync(async context =>
        {
            await using var transaction = await context.Database.BeginTransactionAsync(Ct);
            var product = await context.Products.SingleAsync(p => p.Sku == Sku, Ct);
            await Task.Yield();
            product.SetStock(product.Stock - 1);
            await context.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
        }), Ct)));

        Assert.Equal(84, await db.StockAsync(Sku, Ct));
        Assert.True(Queue(db).IsFree);
    }

    public static TheoryData<string> Writes =>
    [
        "insert", "insert that fails", "update statement", "raw statement", "statement that fails", "synchronous insert",
        "committed transaction", "rolled back transaction", "transaction left without a commit", "transaction that fails",
    ];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task EveryKindOfWriteHandsTheTurnOnWhenItEnds(string write)
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        await db.AddProductAsync(Sku, 10m, stock: 5, Ct);

        await db.WithDbAsync(async context =>
        {
            try
            {
                await WriteAsync(context, write);
            }
            catch (Exception error) when (error is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                Assert.Contains("fails", write, StringComparison.Ordinal);
            }

            Assert.True(Queue(db).IsFree, $"A {write} still holds the turn.");
        });

        // And the next writer is let in at once.
        await db.WithDbAsync(context => context.Products.Where(p => p.Sku == Sku).ExecuteUpdateAsync(p => p.SetProperty(x => x.Name, "Oolong"), Ct));
        Assert.True(Queue(db).IsFree);
    }

    [Fact]
    public async Task QueriesDoNotWaitForAWriter()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        await db.AddProductAsync(Sku, 10m, stock: 5, Ct);
        await using var writerScope = db.CreateScope();
        var writer = writerScope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await using var transaction = await writer.Database.BeginTransactionAsync(Ct);
        await writer.Products.Where(p => p.Sku == Sku).ExecuteUpdateAsync(p => p.SetProperty(x => x.Stock, 4), Ct);
        Assert.False(Queue(db).IsFree);

        // A reader sees the last committed stock while the writer's transaction is open.
        Assert.Equal(5, await db.StockAsync(Sku, Ct));

        await transaction.CommitAsync(Ct);
        Assert.True(Queue(db).IsFree);
        Assert.Equal(4, await db.StockAsync(Sku, Ct));
    }

    [Fact]
    public async Task AWriterThatStopsWaitingForItsTurnLeavesTheOthersInOrder()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        await db.AddProductAsync(Sku, 10m, stock: 5, Ct);
        await using var holderScope = db.CreateScope();
        var holder = holderScope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var transaction = await holder.Database.BeginTransactionAsync(Ct);
        await holder.Products.Where(p => p.Sku == Sku).ExecuteUpdateAsync(p => p.SetProperty(x => x.Stock, 4), Ct);

        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var impatient = db.WithDbAsync(context => context.Products.Where(p => p.Sku == Sku).ExecuteUpdateAsync(p => p.SetProperty(x => x.Stock, 0), giveUp.Token));
        var patient = db.WithDbAsync(context => context.Products.Where(p => p.Sku == Sku).ExecuteUpdateAsync(p => p.SetProperty(x => x.Stock, x => x.Stock - 1), Ct));
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.False(patient.IsCompleted);

        await transaction.CommitAsync(Ct);
        await transaction.DisposeAsync();
        Assert.Equal(1, await patient);

        Assert.Equal(3, await db.StockAsync(Sku, Ct));
        Assert.True(Queue(db).IsFree);
    }

    private static SqliteWriteQueue Queue(TestDatabase db) => db.Services.GetRequiredService<SqliteWriteQueue>();

    private static async Task WriteAsync(CrmDbContext context, string write)
    {
        var products = context.Products.Where(p => p.Sku == Sku);
        switch (write)
        {
            case "insert":
                context.Products.Add(new Product("CUP-01", "Cup", Money(5m), 3));
                await context.SaveChangesAsync(Ct);
                break;
            case "insert that fails":
                context.Products.Add(new Product(Sku, "Tea again", Money(5m), 3));
                await context.SaveChangesAsync(Ct);
                break;
            case "update statement":
                await products.ExecuteUpdateAsync(p => p.SetProperty(x => x.Stock, 4), Ct);
                break;
            case "raw statement":
                await context.Database.ExecuteSqlAsync($"UPDATE Products SET Stock = 3 WHERE Sku = {Sku}", Ct);
                break;
            case "statement that fails":
                await context.Database.ExecuteSqlRawAsync("UPDATE NoSuchTable SET Stock = 3", Ct);
                break;
            case "synchronous insert":
                context.Products.Add(new Product("CUP-01", "Cup", Money(5m), 3));
                context.SaveChanges();
                break;
            case "committed transaction":
            {
                await using var transaction = await context.Database.BeginTransactionAsync(Ct);
                await products.ExecuteUpdateAsync(p => p.SetProperty(x => x.Stock, 4), Ct);
                await transaction.CommitAsync(Ct);
                break;
            }

            case "rolled back transaction":
            {
                await using var transaction = await context.Database.BeginTransactionAsync(Ct);
                await products.ExecuteUpdateAsync(p => p.SetProperty(x => x.Stock, 4), Ct);
                await transaction.RollbackAsync(Ct);
                break;
            }

            case "transaction left without a commit":
            {
                await using var transaction = await context.Database.BeginTransactionAsync(Ct);
                await products.ExecuteUpdateAsync(p => p.SetProperty(x => x.Stock, 4), Ct);
                break;
            }

            case "transaction that fails":
            {
                await using var transaction = await context.Database.BeginTransactionAsync(Ct);
                await context.Database.ExecuteSqlRawAsync("UPDATE NoSuchTable SET Stock = 3", Ct);
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(write), write, null);
        }
    }

    private static Money Money(decimal amount) => new(amount, "CNY");
}
