using CrmBot.Workflows;

namespace CrmBot.Tests.Workflows;

public sealed class JsonLineMapTests
{
    private const string Json = """
        {
          // a comment
          "a": { "b": [
              1,
              { "c~/d": true },
            ],
          },
          "e": "f"
        }
        """;

    [Theory]
    [InlineData("", 1)]
    [InlineData("/a", 3)]
    [InlineData("/a/b", 3)]
    [InlineData("/a/b/0", 4)]
    [InlineData("/a/b/1", 5)]
    [InlineData("/a/b/1/c~0~1d", 5)]
    [InlineData("/e", 8)]
    public void GivesTheLineOfEachValueByPointer(string location, int line)
    {
        Assert.Equal(line, JsonLineMap.Build(Json).LineOf(location));
    }

    [Fact]
    public void AMissingValueHasTheLineOfItsNearestAncestor()
    {
        Assert.Equal(5, JsonLineMap.Build(Json).LineOf("/a/b/1/missing"));
    }
}
