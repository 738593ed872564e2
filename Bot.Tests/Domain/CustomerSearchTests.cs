using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Privacy;
using CrmBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Domain;

/// <summary>Finding a customer by what a person remembers: part of a name, an email, a phone number, an order number.</summary>
public class CustomerSearchTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly CustomerProfile[] People =
    [
        new("张三", "zhang.san@example.com", "138 0013 8000"),
        new("张三丰", "sanfeng@wudang.cn", "138 0013 9999"),
        new("李张", "li.zhang@example.com", null),
        new("Wang Fang", "wang.fang@example.com", null),
        new("Wang Fangfang Li", "fangfang@example.com", null),
        new("Li Na", "li.na@example.com", null),
        new("Lina Zhou", "li.na@example.community", null),
        new("Bob Marley", "chen.bob@example.com", null),
        new("Linda Chen", "linda@example.com", null),
        new("Oliver Smith", null, "+44 20 7946 0958"),
        new("王小明", "xiaoming@example.com", null, new PostalAddress("人民路88号", "北京市", "朝阳区", "100020", "CN")),
        new("Sherlock Holmes", "sherlock@example.co.uk", null, new PostalAddress("221B Baker Street", "Stratford-upon-Avon", null, "NW1 6XE", "GB")),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> ShopWithPeopleAsync()
    {
        var db = await TestDatabase.CreateAsync(Provider, Ct);
        foreach (var person in People)
        {
            await db.CustomersAsync(c => c.CreateAsync(person, Ct));
        }

        return db;
    }

    private static async Task<List<string>> NamesFoundAsync(TestDatabase db, string query) =>
        (await db.CustomersAsync(c => c.SearchAsync(query, ct: Ct))).Items.Select(i => i.Name).ToList();

    [Theory]
    [InlineData("Wang", new[] { "Wang Fang", "Wang Fangfang Li" })]
    [InlineData("wan", new[] { "Wang Fang", "Wang Fangfang Li" })]
    [InlineData("OLIV", new[] { "Oliver Smith" })]
    [InlineData("smith oliver", new[] { "Oliver Smith" })]
    [InlineData("linda", new[] { "Linda Chen" })]
    public async Task APrefixOfANameFindsTheCustomer(string query, string[] expected)
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, query);

        Assert.Equal(expected, found);
    }

    [Theory]
    [InlineData("张", new[] { "张三", "李张", "张三丰" })]
    [InlineData("三", new[] { "张三", "张三丰" })]
    [InlineData("张三", new[] { "张三", "张三丰" })]
    [InlineData("丰", new[] { "张三丰" })]
    public async Task AChineseNameIsFoundByAnyOfItsCharacters(string query, string[] expected)
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, query);

        Assert.Equal(expected.Order(), found.Order());
        Assert.Equal(expected[0], found[0]);
    }

    [Theory]
    [InlineData("王小明")]
    [InlineData("王")]
    [InlineData("小")]
    [InlineData("明")]
    [InlineData("小明")]
    [InlineData("王小")]
    public async Task AChineseNameIsFoundByItselfItsSurnameAnyGivenNameCharacterOrAnInnerPart(string query)
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, query);

        Assert.Equal(["王小明"], found);
    }

    [Theory]
    [InlineData("明小")]
    [InlineData("王明")]
    [InlineData("小明王")]
    public async Task ChineseCharactersOfANameInAnotherOrderFindNobody(string query)
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, query);

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("北京", "王小明")]
    [InlineData("北京市", "王小明")]
    [InlineData("朝阳区", "王小明")]
    [InlineData("人民路", "王小明")]
    [InlineData("人民路88号", "王小明")]
    [InlineData("100020", "王小明")]
    [InlineData("baker street", "Sherlock Holmes")]
    [InlineData("Bak", "Sherlock Holmes")]
    [InlineData("221b", "Sherlock Holmes")]
    [InlineData("stratford", "Sherlock Holmes")]
    [InlineData("avon", "Sherlock Holmes")]
    [InlineData("NW1 6XE", "Sherlock Holmes")]
    public async Task APartOfAnAddressFindsWhoLivesThere(string query, string expected)
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, query);

        Assert.Equal([expected], found);
    }

    [Fact]
    public async Task NamesStartingWithTheQueryComeFirstThenOtherNamesThenAddresses()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var home = new PostalAddress("长安街1号", "北京市", null, null, "CN");
        await db.CustomersAsync(c => c.CreateAsync(new CustomerProfile("刘洋", "liu.yang@example.com", null, home), Ct));
        await db.CustomersAsync(c => c.CreateAsync(new CustomerProfile("陈北京", "chen@example.com", null), Ct));
        await db.CustomersAsync(c => c.CreateAsync(new CustomerProfile("北京李", "li@example.com", null), Ct));

        var found = await NamesFoundAsync(db, "北京");

        Assert.Equal(["北京李", "陈北京", "刘洋"], found);
    }

    [Fact]
    public async Task PagesRunOnFromNameStartsToOtherNamesToAddresses()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var street = new PostalAddress("赵家楼路5号", "北京市", null, null, "CN");
        for (var i = 1; i <= 8; i++)
        {
            await db.CustomersAsync(c => c.CreateAsync(new CustomerProfile($"李{i}", $"li{i}@example.com", null, street), Ct));
            await db.CustomersAsync(c => c.CreateAsync(new CustomerProfile($"钱赵{i}", $"qian{i}@example.com", null), Ct));
            await db.CustomersAsync(c => c.CreateAsync(new CustomerProfile($"赵{i}", $"zhao{i}@example.com", null), Ct));
        }

        var pages = new List<Page<CustomerSummary>>();
        for (var page = 1; page <= 3; page++)
        {
            var number = page;
            pages.Add(await db.CustomersAsync(c => c.SearchAsync("赵", number, 10, Ct)));
        }

        var names = pages.SelectMany(p => p.Items).Select(i => i.Name).ToList();
        Assert.Equal([10, 10, 4], pages.Select(p => p.Items.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(24, names.Distinct().Count());
        Assert.Equal(["赵", "钱", "李"], names.Chunk(8).Select(group => Assert.Single(group.Select(n => n[..1]).Distinct())));
    }

    [Theory]
    [InlineData("\"北京\"", new[] { "王小明" })]
    [InlineData("人民路*", new[] { "王小明" })]
    [InlineData("小%明", new[] { "王小明" })]
    [InlineData("SearchAddress:北京", new string[0])]
    [InlineData("%", new string[0])]
    [InlineData("_", new string[0])]
    [InlineData("%ing", new string[0])]
    [InlineData("w_ng", new string[0])]
    public async Task WildcardsAndQuotesAreNotSearchSyntax(string query, string[] expected)
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, query);

        Assert.Equal(expected, found);
    }

    [Theory]
    [InlineData("王小明")]
    [InlineData("小明")]
    [InlineData("北京")]
    [InlineData("人民路")]
    [InlineData("100020")]
    [InlineData("xiaoming")]
    public async Task AnErasedCustomerIsFoundByNothingTheyWere(string query)
    {
        await using var db = await ShopWithPeopleAsync();
        var wang = Assert.Single((await db.CustomersAsync(c => c.SearchAsync("xiaoming@example.com", ct: Ct))).Items);

        await db.InScopeAsync(services => services.GetRequiredService<CustomerErasure>().EraseAsync(wang.Id, TestDatabase.Rep, Ct));

        Assert.Empty(await NamesFoundAsync(db, query));
    }

    [Fact]
    public async Task MovingACustomerChangesWhichAddressFindsThem()
    {
        await using var db = await ShopWithPeopleAsync();
        var sherlock = Assert.Single((await db.CustomersAsync(c => c.SearchAsync("sherlock@example.co.uk", ct: Ct))).Items);

        await db.CustomersAsync(c => c.UpdateAsync(
            sherlock.Id, new CustomerProfile("Sherlock Holmes", "sherlock@example.co.uk", null, new PostalAddress("南京路1号", "上海市", null, "200001", "CN")), Ct));

        Assert.Empty(await NamesFoundAsync(db, "baker"));
        Assert.Equal(["Sherlock Holmes"], await NamesFoundAsync(db, "南京路"));
    }

    [Theory]
    [InlineData("wang fang", "Wang Fang")]
    [InlineData("张三", "张三")]
    [InlineData("li", "Li Na")]
    public async Task TheBestMatchComesFirst(string query, string best)
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, query);

        Assert.True(found.Count > 1, $"Expected several customers for '{query}', found {string.Join(", ", found)}.");
        Assert.Equal(best, found[0]);
    }

    [Fact]
    public async Task ACustomerWhoseNameMatchesRanksAboveOneWhoseEmailDoes()
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, "chen");

        // Bob Marley (chen.bob@example.com) was added before Linda Chen: insertion order must not decide.
        Assert.Equal(["Linda Chen", "Bob Marley"], found);
    }

    [Theory]
    [InlineData("li.na@example.com", new[] { "Li Na", "Lina Zhou" })]
    [InlineData("LI.NA@EXAMPLE.COM", new[] { "Li Na", "Lina Zhou" })]
    [InlineData("li.na@", new[] { "Li Na", "Lina Zhou" })]
    [InlineData("li.na@example.comm", new[] { "Lina Zhou" })]
    [InlineData("zhang.san@exa", new[] { "张三" })]
    [InlineData("nobody@example.com", new string[0])]
    public async Task AnEmailFindsItsCustomerExactMatchFirst(string query, string[] expected)
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, query);

        Assert.Equal(expected, found);
    }

    [Theory]
    [InlineData("+8613800138000")]
    [InlineData("13800138000")]
    [InlineData("138 0013 8000")]
    [InlineData("+86 138-0013-8000")]
    [InlineData("1380013800")]
    [InlineData("+86 138 0013 80")]
    public async Task APhoneNumberFindsItsCustomerHoweverItIsTyped(string query)
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, query);

        Assert.Equal(["张三"], found);
    }

    [Theory]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+442079460958")]
    [InlineData("2079460958")]
    public async Task AForeignPhoneNumberFindsItsCustomer(string query)
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, query);

        Assert.Equal(["Oliver Smith"], found);
    }

    [Theory]
    [InlineData("138 0013")]
    [InlineData("1380013")]
    [InlineData("+86 138")]
    [InlineData("+86-138-0013")]
    public async Task APhonePrefixSharedByTwoCustomersFindsBoth(string query)
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, query);

        Assert.Equal(["张三", "张三丰"], found);
    }

    [Fact]
    public async Task TooFewDigitsToBeAPhoneNumberFindNobody()
    {
        await using var db = await ShopWithPeopleAsync();

        var found = await NamesFoundAsync(db, "13");

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("SO-10001")]
    [InlineData("so10001")]
    [InlineData("SO 10001")]
    public async Task AnOrderNumberFindsTheCustomerWhoPlacedIt(string query)
    {
        await using var db = await ShopWithPeopleAsync();
        await db.AddProductAsync("TEA-1", 25m, 10, Ct);
        var wangFang = (await db.CustomersAsync(c => c.SearchAsync("wang.fang@example.com", ct: Ct))).Items.Single();
        await db.PlaceAsync(wangFang.Id, Ct, new OrderLineRequest("TEA-1", 1));

        var found = await NamesFoundAsync(db, query);

        Assert.Equal(["Wang Fang"], found);
        Assert.Empty(await NamesFoundAsync(db, "SO-99999"));
    }

    [Fact]
    public async Task ResultsComeInPagesThatSayWhetherMoreFollow()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        for (var i = 1; i <= 25; i++)
        {
            await db.AddCustomerAsync($"Zhao Lei {i:00}", $"zhao.lei.{i}@example.com", null, Ct);
        }

        var pages = new List<Page<CustomerSummary>>();
        for (var page = 1; page <= 3; page++)
        {
            var number = page;
            pages.Add(await db.CustomersAsync(c => c.SearchAsync("zhao", number, 10, Ct)));
        }

        Assert.Equal([10, 10, 5], pages.Select(p => p.Items.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber));
        Assert.Equal(25, pages.SelectMany(p => p.Items).Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task AnEmptySearchListsEveryoneByName()
    {
        await using var db = await ShopWithPeopleAsync();

        var firstFour = await db.CustomersAsync(c => c.SearchAsync("  ", 1, 4, Ct));
        var everyone = await db.CustomersAsync(c => c.SearchAsync(null, 1, 100, Ct));
        var beyond = await db.CustomersAsync(c => c.SearchAsync(null, 2, 100, Ct));

        Assert.Equal(["Bob Marley", "Li Na", "Lina Zhou", "Linda Chen"], firstFour.Items.Select(i => i.Name));
        Assert.True(firstFour.HasMore);
        Assert.Equal(People.Length, everyone.Items.Count);
        Assert.False(everyone.HasMore);
        Assert.Empty(beyond.Items);
    }

    [Theory]
    [InlineData(0, 20, "validation.page")]
    [InlineData(-1, 20, "validation.page")]
    [InlineData(1, 0, "validation.page_size")]
    [InlineData(1, 101, "validation.page_size")]
    [InlineData(1, 1000, "validation.page_size")]
    public async Task ABadPageOrPageSizeIsRefused(int page, int pageSize, string code)
    {
        await using var db = await ShopWithPeopleAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => db.CustomersAsync(c => c.SearchAsync("wang", page, pageSize, Ct)));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task AQueryOf300CharactersIsRefused()
    {
        await using var db = await ShopWithPeopleAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => db.CustomersAsync(c => c.SearchAsync(new string('w', 300), ct: Ct)));

        Assert.Equal(("validation.too_long", "A search can be at most 200 characters long."), (error.Code, error.Message));
    }

    [Theory]
    [InlineData("\"foo*")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(wang fang, 2)")]
    [InlineData("AND")]
    [InlineData("wang AND")]
    [InlineData("OR")]
    [InlineData("NOT wang")]
    [InlineData("*")]
    [InlineData("\"")]
    [InlineData("^wang")]
    [InlineData("SearchName:wang")]
    [InlineData("{SearchName Email}: wang")]
    [InlineData("(")]
    [InlineData("' OR 1=1 --")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("张\"三")]
    [InlineData("，。")]
    [InlineData("!!!")]
    [InlineData("...")]
    [InlineData("@")]
    [InlineData("+")]
    [InlineData("--")]
    [InlineData("a@b@c")]
    [InlineData("\0")]
    [InlineData("🙂")]
    [InlineData("x\u0301")]
    [InlineData("\uD800")]
    [InlineData("wang\uDFFF")]
    public async Task SearchSyntaxTypedByAPersonIsJustText(string query)
    {
        await using var db = await ShopWithPeopleAsync();

        var error = await Record.ExceptionAsync(() => db.CustomersAsync(c => c.SearchAsync(query, ct: Ct)));

        Assert.True(error is null or DomainException, $"'{query}' crashed the search: {error}");
    }

    [Theory]
    [InlineData("AND")]
    [InlineData("NEAR(")]
    [InlineData("\"andy*")]
    public async Task FtsOperatorsAreSearchedForAsPlainWords(string query)
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        await db.AddCustomerAsync("Andy Near", "andy@example.com", null, Ct);

        var found = await NamesFoundAsync(db, query);

        Assert.Equal(["Andy Near"], found);
    }

    [Fact]
    public async Task RenamingACustomerChangesWhatFindsThem()
    {
        await using var db = await ShopWithPeopleAsync();
        var oliver = (await db.CustomersAsync(c => c.SearchAsync("oliver", ct: Ct))).Items.Single();

        await db.CustomersAsync(c => c.UpdateAsync(oliver.Id, new CustomerProfile("Olivia Brown", "olivia@example.co.uk", "+44 20 7946 0958"), Ct));

        Assert.Empty(await NamesFoundAsync(db, "oliver"));
        Assert.Empty(await NamesFoundAsync(db, "smith"));
        Assert.Equal(["Olivia Brown"], await NamesFoundAsync(db, "brown"));
        Assert.Equal(["Olivia Brown"], await NamesFoundAsync(db, "olivia@example.co.uk"));
        Assert.Equal(["Olivia Brown"], await NamesFoundAsync(db, "olivia"));
    }
}
