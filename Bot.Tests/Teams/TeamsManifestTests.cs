using CrmBot.Teams;
using CrmBot.Understanding;
using static CrmBot.Tests.Understanding.Recognition;

namespace CrmBot.Tests.Teams;

/// <summary>The commands the Teams app offers in its command menu are ones the bot understands.</summary>
public sealed class TeamsManifestTests
{
    public static TheoryData<string> CommandTitles { get; } = new(
        TeamsAppPackage.ManifestTemplate()["bots"]!.AsArray()
            .SelectMany(bot => bot!["commandLists"]!.AsArray())
            .SelectMany(list => list!["commands"]!.AsArray())
            .Select(command => (string)command!["title"]!)
            .Distinct());

    [Theory]
    [MemberData(nameof(CommandTitles))]
    public void EveryCommandInTheMenuIsUnderstood(string title)
    {
        var recognition = Recognize(title);

        Assert.NotEqual(Intent.None, recognition.Intent);
    }

    [Fact]
    public void TheMenuOffersTheRepsWork()
    {
        var intents = CommandTitles.Select(row => Recognize(row.Data).Intent).ToHashSet();

        Assert.Superset(new HashSet<Intent> { Intent.FindCustomer, Intent.TrackOrder, Intent.PlaceOrder, Intent.ShipOrder, Intent.SetReminder, Intent.Help }, intents);
    }
}
