using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace CrmBot.Tests.Identity;

/// <summary>Real Teams activity shapes (TestData/Teams, sources in SOURCES.md), loaded as the adapter would deserialize them.</summary>
public static class TeamsActivities
{
    public const string SampleUserAadObjectId = "00000000-0000-0000-0000-0000000000aa";
    public const string SampleTenantId = "00000000-0000-0000-0000-0000000000ff";

    public static Activity Load(string name) =>
        JsonConvert.DeserializeObject<Activity>(File.ReadAllText(PathOf(name)))
        ?? throw new InvalidOperationException($"TestData/Teams/{name}.json is empty.");

    /// <summary>The sample as JSON, the way Teams posts it to /api/messages.</summary>
    public static JsonObject Json(string name) =>
        JsonNode.Parse(File.ReadAllText(PathOf(name)))?.AsObject() ?? throw new InvalidOperationException($"TestData/Teams/{name}.json is empty.");

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Teams", name + ".json");
}
