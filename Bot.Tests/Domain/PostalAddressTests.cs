using System.Globalization;
using CrmBot.Domain.Customers;

namespace CrmBot.Tests.Domain;

/// <summary>An address reads as people write it: Chinese big to small, any other street first; the reader's own country left out.</summary>
public sealed class PostalAddressTests
{
    [Theory]
    [InlineData("朝阳区人民路1号", "北京", "北京市", "100020", "CN", "zh-CN", "北京市朝阳区人民路1号，100020")]
    [InlineData("南山区科技路8号3栋2单元1201室", "深圳", "广东省", "518052", "CN", "zh-CN", "广东省深圳市南山区科技路8号3栋2单元1201室，518052")]
    [InlineData("朝阳区人民路1号", "北京", "北京市", "100020", "CN", "en", "北京市朝阳区人民路1号，100020, China")]
    [InlineData("信义路五段7号", "台北市", null, "110", "TW", "zh-CN", "台灣台北市信义路五段7号，110")]
    [InlineData(null, "上海", "上海市", null, "CN", "zh-CN", "上海市")]
    [InlineData("350 Fifth Avenue", "New York", "NY", "10118", "US", "en-US", "350 Fifth Avenue, New York, NY 10118")]
    [InlineData("350 Fifth Avenue", "New York", "NY", "10118", "US", "en", "350 Fifth Avenue, New York, NY 10118, United States")]
    [InlineData("350 Fifth Avenue", "New York", "NY", "10118", "US", "zh-CN", "350 Fifth Avenue, New York, NY 10118, United States")]
    [InlineData("Unter den Linden 77", "Berlin", "Berlin", "10117", "DE", "en", "Unter den Linden 77, Berlin 10117, Germany")]
    [InlineData("1 Orchard Road", "Singapore", null, "238801", "SG", "en", "1 Orchard Road, Singapore 238801, Singapore")]
    [InlineData(null, "London", null, null, "GB", "en", "London, United Kingdom")]
    public void AnAddressReadsAsPeopleWriteItWhereItIs(
        string? street, string city, string? region, string? postalCode, string country, string culture, string expected)
    {
        var address = new PostalAddress(street, city, region, postalCode, country);

        Assert.Equal(expected, address.ToString(CultureInfo.GetCultureInfo(culture)));
    }
}
