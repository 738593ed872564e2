using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CrmBot.Api;

/// <summary>Refuses to start with a key the API could not use, saying which and why.</summary>
internal sealed partial class ApiOptionsValidation : IValidateOptions<ApiOptions>
{
    /// <summary>Names go into audit trails and idempotency keys, so they are short and plain.</summary>
    public const int MaxNameLength = 30;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        foreach (var (keyName, key) in options.Keys)
        {
            if (!IsValidName(keyName))
            {
                failures.Add($"Api:Keys:{keyName}: a key's name is 1 to {MaxNameLength} letters, digits, '.', '_' or '-'.");
            }

            if (key.Hash.Length != 64 || !key.Hash.All(char.IsAsciiHexDigit))
            {
                failures.Add($"Api:Keys:{keyName}:Hash must be the key's SHA-256 as 64 hex digits (run `api new-key`), never the key itself.");
            }

            if (key.Scopes.Count == 0 || key.Scopes.Any(s => !ApiScopes.All.Contains(s.Trim().ToLowerInvariant())))
            {
                failures.Add($"Api:Keys:{keyName}:Scopes must list {ApiScopes.Read} and/or {ApiScopes.Write}.");
            }
        }

        if (options.RateLimit.PermitLimit < 1 || options.RateLimit.Window <= TimeSpan.Zero)
        {
            failures.Add("Api:RateLimit needs a PermitLimit of at least 1 and a positive Window.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,30}$")]
    private static partial Regex NamePattern();
}
