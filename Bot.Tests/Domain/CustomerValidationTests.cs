using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;

namespace CrmBot.Tests.Domain;

/// <summary>What a customer record accepts, how it cleans up what people type, and what it refuses.</summary>
public sealed class CustomerValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Customer Create(CustomerProfile profile, string defaultRegion = "CN") => new(profile, defaultRegion, Now);

    private static CustomerProfile ZhangSan => new("张三", "zhang.san@example.com", "138 0013 8000");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void ANameIsRequired(string? name)
    {
        var error = Assert.Throws<DomainException>(() => Create(ZhangSan with { Name = name! }));

        Assert.Equal(("validation.required", "Name is required."), (error.Code, error.Message));
    }

    [Fact]
    public void ANameOfMoreThan200CharactersIsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Create(ZhangSan with { Name = new string('张', 201) }));

        Assert.Equal(("validation.too_long", "Name is too long (201 characters; at most 200)."), (error.Code, error.Message));
        Assert.Equal(200, Create(ZhangSan with { Name = new string('张', 200) }).Name.Length);
    }

    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x001B)]
    [InlineData(0xD800)]
    [InlineData(0xFFFE)]
    public void ANameWithACharacterThatIsNotTextIsRefusedSayingWhichAndWhere(int character)
    {
        var error = Assert.Throws<DomainException>(() => Create(ZhangSan with { Name = $"Li {(char)character}Lei" }));

        Assert.Equal(("validation.not_text", $"Name contains a character that is not text (U+{character:X4} at position 4)."), (error.Code, error.Message));
        Assert.Equal("王😀芳", Create(ZhangSan with { Name = "王😀芳" }).Name);
    }

    [Fact]
    public void TheNameIsTrimmed()
    {
        var customer = Create(ZhangSan with { Name = "  Li Lei  " });

        Assert.Equal("Li Lei", customer.Name);
    }

    [Theory]
    [InlineData("zhang")]
    [InlineData("zhang@")]
    [InlineData("@example.com")]
    [InlineData("zhang@example")]
    [InlineData("zhang san@example.com")]
    [InlineData("zhang@@example.com")]
    [InlineData("Zhang San <zhang@example.com>")]
    public void AnInvalidEmailIsRefused(string email)
    {
        var error = Assert.Throws<DomainException>(() => Create(ZhangSan with { Email = email }));

        Assert.Equal(("email.invalid", $"'{email}' is not a valid email address."), (error.Code, error.Message));
    }

    [Fact]
    public void EmailsAreTrimmedAndKeptInLowerCase()
    {
        var customer = Create(ZhangSan with { Email = "  Zhang.San@Example.COM " });

        Assert.Equal("zhang.san@example.com", customer.Email);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("138 0013 800")]
    [InlineData("call me")]
    [InlineData("+999 1234 5678")]
    public void AnInvalidPhoneNumberIsRefused(string phone)
    {
        var error = Assert.Throws<DomainException>(() => Create(ZhangSan with { Phone = phone }));

        Assert.Equal(("phone.invalid", $"'{phone}' is not a valid phone number."), (error.Code, error.Message));
    }

    [Theory]
    [InlineData("138 0013 8000", "+8613800138000", "13800138000")]
    [InlineData("138-0013-8000", "+8613800138000", "13800138000")]
    [InlineData("+86 138 0013 8000", "+8613800138000", "13800138000")]
    [InlineData("+44 20 7946 0958", "+442079460958", "2079460958")]
    public void PhoneNumbersAreStoredInE164(string typed, string e164, string national)
    {
        var customer = Create(ZhangSan with { Phone = typed }, defaultRegion: "CN");

        Assert.Equal((e164, national), (customer.Phone, customer.PhoneNational));
    }

    [Fact]
    public void APhoneTypedWithoutCountryCodeIsReadInTheCountryOfTheAddress()
    {
        var london = new PostalAddress("1 Poultry", "London", null, "EC2R 8AH", "GB");

        var customer = Create(ZhangSan with { Phone = "020 7946 0958", Address = london }, defaultRegion: "CN");

        Assert.Equal("+442079460958", customer.Phone);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    public void ACustomerNeedsAnEmailOrAPhoneNumber(string? email, string? phone)
    {
        var error = Assert.Throws<DomainException>(() => Create(new CustomerProfile("张三", email, phone)));

        Assert.Equal(("customer.contact_required", "A customer needs an email address or a phone number."), (error.Code, error.Message));
    }

    [Fact]
    public void AnEmailOrAPhoneAloneIsEnough()
    {
        var byEmail = Create(new CustomerProfile("张三", "zhang.san@example.com", null));
        var byPhone = Create(new CustomerProfile("张三", null, "13800138000"));

        Assert.Equal(("zhang.san@example.com", null), (byEmail.Email, byEmail.Phone));
        Assert.Equal((null, "+8613800138000"), (byPhone.Email, byPhone.Phone));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Beijing")]
    [InlineData("  ")]
    public void AnUnknownTimeZoneIsRefused(string timeZone)
    {
        var error = Assert.Throws<DomainException>(() => Create(ZhangSan with { TimeZone = timeZone }));

        Assert.Equal(("customer.time_zone", $"'{timeZone}' is not a known time zone (use an IANA name such as Asia/Shanghai)."), (error.Code, error.Message));
    }

    [Theory]
    [InlineData("Asia/Shanghai", "Asia/Shanghai")]
    [InlineData("Europe/London", "Europe/London")]
    [InlineData("China Standard Time", "Asia/Shanghai")]
    public void TimeZonesAreKeptAsIanaNames(string typed, string stored)
    {
        var customer = Create(ZhangSan with { TimeZone = typed });

        Assert.Equal(stored, customer.TimeZone);
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("xx-YY")]
    [InlineData("")]
    [InlineData("  ")]
    public void AnUnknownLanguageIsRefused(string language)
    {
        var error = Assert.Throws<DomainException>(() => Create(ZhangSan with { PreferredLanguage = language }));

        Assert.Equal(("customer.language", $"'{language}' is not a known language (use e.g. en or zh-CN)."), (error.Code, error.Message));
    }

    [Theory]
    [InlineData("zh-cn", "zh-CN")]
    [InlineData("EN", "en")]
    [InlineData(null, "en")]
    public void LanguagesAreKeptAsCultureNames(string? typed, string stored)
    {
        var customer = Create(ZhangSan with { PreferredLanguage = typed });

        Assert.Equal(stored, customer.PreferredLanguage);
    }

    [Fact]
    public void ALanguageTheCustomerAskedForIsKeptAsACultureNameAndAnUnknownOneRefused()
    {
        var customer = Create(ZhangSan);

        customer.SetPreferredLanguage("zh-cn", Now.AddDays(1));

        Assert.Equal(("zh-CN", Now.AddDays(1)), (customer.PreferredLanguage, customer.UpdatedAt));
        Assert.Equal("customer.language", Assert.Throws<DomainException>(() => customer.SetPreferredLanguage("klingon", Now)).Code);
        Assert.Equal("zh-CN", customer.PreferredLanguage);
    }

    [Fact]
    public void AnErasedCustomersLanguageCannotChange()
    {
        var customer = Create(ZhangSan);
        customer.Erase(Now);

        Assert.Equal("customer.erased", Assert.Throws<DomainException>(() => customer.SetPreferredLanguage("zh-CN", Now)).Code);
    }

    [Theory]
    [InlineData("China")]
    [InlineData("C1")]
    [InlineData("1")]
    public void ABadCountryCodeIsRefusedWithAMessageAboutTheCountry(string country)
    {
        var address = new PostalAddress("建国路 88 号", "北京", null, "100022", country);

        var error = Assert.Throws<DomainException>(() => Create(ZhangSan with { Address = address }));

        Assert.Contains("ountry", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("phone", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnAddressNeedsACity()
    {
        var noCity = new PostalAddress("建国路 88 号", "", null, null, "CN");

        Assert.Equal("City is required.", Assert.Throws<DomainException>(() => Create(ZhangSan with { Address = noCity })).Message);
    }

    [Fact]
    public void AnAddressMayBeJustACityAndCountry()
    {
        var customer = Create(ZhangSan with { Address = new PostalAddress(" ", "北京", null, null, "cn") });

        Assert.Equal(new PostalAddress(null, "北京", null, null, "CN"), customer.Address);
    }

    [Fact]
    public void ARefusedUpdateLeavesTheCustomerAsTheyWere()
    {
        var customer = Create(ZhangSan with { TimeZone = "Asia/Shanghai" });

        Assert.Throws<DomainException>(() => customer.Update(new CustomerProfile("张三丰", "new@example.com", "12345"), "CN", Now.AddDays(1)));

        Assert.Equal(("张三", "zhang.san@example.com", "+8613800138000", "Asia/Shanghai"), (customer.Name, customer.Email, customer.Phone, customer.TimeZone));
        Assert.Equal(Now, customer.UpdatedAt);
    }
}
