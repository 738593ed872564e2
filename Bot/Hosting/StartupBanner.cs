using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CrmBot.Hosting;

/// <summary>Tells the person who started CrmBot where to open it once the server listens.</summary>
internal static partial class StartupBanner
{
    private const string Opening = "CrmBot is running: open ";
    private const string Closing = "/ in a browser.";

    public static void PrintAddressesWhenStarted(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // Real addresses are known only once the server listens (e.g. with --urls http://127.0.0.1:0).
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses.Select(ForBrowser))
            {
                Console.WriteLine($"{Opening}{address}{Closing} Channels post to {address}/api/messages.");
            }
        });
    }

    /// <summary>The address a line of the banner names; null for any other line (a parent process reads where its child listens).</summary>
    internal static Uri? AddressIn(string line)
    {
        var end = line.IndexOf(Closing, StringComparison.Ordinal);
        return line.StartsWith(Opening, StringComparison.Ordinal) && end > Opening.Length ? new Uri(line[Opening.Length..end]) : null;
    }

    /// <summary>A browser cannot open a wildcard address such as http://[::]:5000; localhost reaches it.</summary>
    internal static string ForBrowser(string address) => WildcardHost().Replace(address.TrimEnd('/'), "://localhost");

    [GeneratedRegex(@"://(\[::\]|0\.0\.0\.0|\*|\+)(?=[:/]|$)")]
    private static partial Regex WildcardHost();
}
