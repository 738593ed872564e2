using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrmBot.Tests.Http;

/// <summary>With MicrosoftAppId configured, only the Bot Connector may post activities.</summary>
public sealed class AuthenticationTests(SecuredBotApplication app) : IClassFixture<SecuredBotApplication>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task RejectsAnActivityWithoutAuthorizationHeader()
    {
        var response = await _client.PostActivityAsync(Activities.Message("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Basic dXNlcjpwYXNzd29yZA==")]
    public async Task RejectsAnAuthorizationHeaderThatIsNotABearerJwt(string header)
    {
        var response = await PostWithAuthorizationAsync(header, Activities.Message("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RejectsATokenSomeoneElseSigned()
    {
        using var key = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://login.attacker.example/",
            Audience = SecuredBotApplication.AppId,
            Subject = new ClaimsIdentity([new Claim("serviceurl", "https://channel.example.test/")]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "attacker" }, SecurityAlgorithms.RsaSha256),
        });

        var response = await PostWithAuthorizationAsync($"Bearer {forged}", Activities.Message("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostWithAuthorizationAsync(string authorization, JsonNode activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        return _client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
