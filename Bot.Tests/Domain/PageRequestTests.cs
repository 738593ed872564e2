using CrmBot.Domain.Common;

namespace CrmBot.Tests.Domain;

public sealed class PageRequestTests
{
    [Theory]
    [InlineData(1, 20, 0, 21)]
    [InlineData(3, 20, 40, 21)]
    [InlineData(42_949_672, 50, 2_147_483_550, 51)]
    [InlineData(2_147_483_646, 1, 2_147_483_645, 2)]
    public void APageSkipsTheRowsBeforeItAndTakesOneMoreThanItHolds(int number, int size, int skip, int take)
    {
        var request = PageRequest.Of(number, size, 100, "orders");

        Assert.Equal((skip, take), (request.Skip, request.Take));
    }

    [Theory]
    [InlineData(0, 20, "validation.page")]
    [InlineData(-1, 20, "validation.page")]
    [InlineData(int.MaxValue, 50, "validation.page")]
    [InlineData(42_949_673, 50, "validation.page")]
    [InlineData(1, 0, "validation.page_size")]
    [InlineData(1, 101, "validation.page_size")]
    [InlineData(int.MinValue, int.MinValue, "validation.page_size")]
    public void APageThatCannotBeReadIsRefusedWithWhatIsAllowed(int number, int size, string code)
    {
        var error = Assert.Throws<DomainException>(() => PageRequest.Of(number, size, 100, "orders"));

        Assert.Equal(code, error.Code);
        Assert.Contains("orders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePageIsWhatWasReadWithoutTheExtraRow()
    {
        var request = PageRequest.Of(2, 2, 100, "orders");

        var full = request.PageOf(["c", "d", "e"]);
        var last = request.PageOf(["c"]);

        Assert.Equal(["c", "d"], full.Items);
        Assert.Equal((2, 2, true), (full.PageNumber, full.PageSize, full.HasMore));
        Assert.Equal(["c"], last.Items);
        Assert.False(last.HasMore);
    }
}
