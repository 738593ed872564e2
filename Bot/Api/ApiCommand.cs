using System.CommandLine;
using System.Text.Json;

namespace CrmBot.Api;

/// <summary>
/// <c>api new-key &lt;name&gt; [--scopes read,write]</c>: prints a fresh random API key, once, and the configuration that
/// admits it, which holds only the key's SHA-256, so the key itself is never kept in a setting or a log.
/// </summary>
internal static class ApiCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var name = new Argument<string>("name")
        {
            Description = $"Who the key is for, e.g. shop or backoffice (1 to {ApiOptionsValidation.MaxNameLength} letters, digits, '.', '_' or '-'); audit trails name it as api:<name>.",
        };
        var scopes = new Option<string>("--scopes")
        {
            Description = $"What the key may do: {ApiScopes.Read}, {ApiScopes.Write} or both, comma-separated.",
            HelpName = "read,write",
            DefaultValueFactory = _ => $"{ApiScopes.Read},{ApiScopes.Write}",
        };
        var newKey = new Command("new-key", "Prints a new API key and the Api:Keys configuration (with the key's hash, not the key) that admits it.")
        {
            name, scopes,
        };
        newKey.SetAction(async (parseResult, _) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var keyName = parseResult.GetValue(name) ?? string.Empty;
            if (!ApiOptionsValidation.IsValidName(keyName))
            {
                await configuration.Error.WriteLineAsync(
                    $"'{keyName}' cannot name a key: use 1 to {ApiOptionsValidation.MaxNameLength} letters, digits, '.', '_' or '-'.");
                return 1;
            }

            var granted = (parseResult.GetValue(scopes) ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.ToLowerInvariant()).Distinct().ToList();
            if (granted.Count == 0 || granted.Except(ApiScopes.All).Any())
            {
                await configuration.Error.WriteLineAsync($"--scopes takes {ApiScopes.Read}, {ApiScopes.Write} or both (e.g. --scopes read,write).");
                return 1;
            }

            var key = ApiKey.Create();
            var settings = new { Api = new { Keys = new Dictionary<string, object> { [keyName] = new { Hash = ApiKey.Hash(key), Scopes = granted } } } };
            var output = configuration.Output;
            await output.WriteLineAsync($"API key for '{keyName}' ({string.Join(", ", granted)}). It is shown only now: give it to the client, who sends it in the {ApiKey.HeaderName} header.");
            await output.WriteLineAsync();
            await output.WriteLineAsync($"  {key}");
            await output.WriteLineAsync();
            await output.WriteLineAsync("Add this to the configuration (appsettings.json, or the environment variables below); it holds the key's SHA-256, not the key:");
            await output.WriteLineAsync();
            await output.WriteLineAsync(JsonSerializer.Serialize(settings, Indented));
            await output.WriteLineAsync();
            await output.WriteLineAsync($"  Api__Keys__{keyName}__Hash={ApiKey.Hash(key)}");
            for (var i = 0; i < granted.Count; i++)
            {
                await output.WriteLineAsync($"  Api__Keys__{keyName}__Scopes__{i}={granted[i]}");
            }

            return 0;
        });

        return new Command("api", "The REST API under /api/v1.") { newKey };
    }
}
