using System.Text.RegularExpressions;
using CrmBot.Conversations;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Products;
using CrmBot.Domain.Persistence;
using CrmBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Tests.DemoData;

/// <summary>The demo shop with <c>Database:DemoShopLanguage</c> zh-CN: a Chinese shop, as a Chinese team would try it.</summary>
public sealed partial class ChineseDemoShopTests(ChineseDemoShopDatabase shop) : IClassFixture<ChineseDemoShopDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryCustomerIsInChinaAndServedInChinese()
    {
        await using var db = shop.NewContext();

        var customers = await db.Customers.ToListAsync(Ct);

        Assert.InRange(customers.Count, 450, 550);
        Assert.All(customers, c =>
        {
            Assert.Equal("CN", c.Address?.Country);
            Assert.Equal("zh-CN", c.PreferredLanguage);
            Assert.Matches(HanOnly(), c.Name);
        });
    }

    [Fact]
    public async Task ProductsRepsNotesAndRemindersAreWrittenInChinese()
    {
        await using var db = shop.NewContext();

        var products = await db.Products.Select(p => p.Name).ToListAsync(Ct);
        var reps = await db.SalesReps.Select(r => r.DisplayName).ToListAsync(Ct);
        var notes = await db.Interactions.Where(i => i.Notes != null).Select(i => i.Notes!).ToListAsync(Ct);
        var reminders = await db.Reminders.Select(r => r.Text).ToListAsync(Ct);
        var reasons = (await db.Orders.Include(o => o.History).Include(o => o.Refunds).ToListAsync(Ct))
            .SelectMany(o => o.History.Where(h => h.To == OrderStatus.Cancelled).Select(h => h.Note).Concat(o.Refunds.Select(r => r.Reason)))
            .OfType<string>()
            .ToList();

        Assert.Equal(60, products.Count);
        Assert.Contains("西湖龙井绿茶 100克", products);
        Assert.Contains("王芳", reps);
        Assert.NotEmpty(notes);
        Assert.NotEmpty(reminders);
        Assert.NotEmpty(reasons);

        // Product codes, order numbers, carriers and tracking numbers stay Latin; no English sentence is left.
        Assert.All(products.Concat(notes).Concat(reminders).Concat(reasons), text => Assert.DoesNotMatch(EnglishWords(), text));
    }

    [Fact]
    public async Task AChineseShopperCanAskForAProductInChinese()
    {
        await using var db = shop.NewContext();
        var matcher = new ProductMatcher(new ProductCatalog(db));

        var found = await matcher.MatchAsync("我想买三个蓝色杯子", Ct);

        Assert.Equal(["蓝色釉面杯子"], found.Select(p => p.Name));
    }

    [Fact]
    public async Task TheEnglishShopKeepsItsEnglishNamesByDefault()
    {
        await using var english = new DemoShopDatabase();
        await english.InitializeAsync();
        await using var db = english.NewContext();

        Assert.True(await db.Products.AnyAsync(p => p.Name == "Blue glaze mug", Ct));
        Assert.True(await db.SalesReps.AnyAsync(r => r.DisplayName == "Wang Fang", Ct));
    }

    [Fact]
    public async Task AnUnknownDemoShopLanguageIsRefusedWithTheSettingNamed()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Database:DemoShopLanguage"] = "fr";
        builder.AddDomain();
        await using var app = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("Database:DemoShopLanguage is en or zh-CN.", error.Message);
    }

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,4}$")]
    private static partial Regex HanOnly();

    /// <summary>An English phrase: a word and a lower-case word after it (carrier names such as "China Post" are not).</summary>
    [GeneratedRegex(@"\b[A-Za-z]{3,} [a-z]{2,}\b")]
    private static partial Regex EnglishWords();
}
