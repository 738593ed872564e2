using CrmBot.Domain.Persistence;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CrmBot.DirectLine;

/// <summary>
/// The key that signs Direct Line tokens: DirectLine:TokenSigningKey when set, otherwise one generated on first
/// start and kept in the data directory, so tokens outlive a restart without any setup.
/// </summary>
public sealed partial class DirectLineSigningKey(
    IOptions<DirectLineOptions> options, IOptions<DatabaseOptions> database, ILogger<DirectLineSigningKey> logger)
{
    private const int MinimumBytes = 32;
    private const string FileName = "directline-token-key";

    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(options.Value, database.Value, logger));

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(DirectLineOptions options, DatabaseOptions database, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.TokenSigningKey))
        {
            return new SymmetricSecurityKey(Decode(options.TokenSigningKey));
        }

        Directory.CreateDirectory(database.DataDirectory);
        var path = Path.Combine(database.DataDirectory, FileName);
        if (!File.Exists(path))
        {
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(MinimumBytes))));
                LogKeyCreated(logger, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance on the same data directory created it first: use theirs.
            }
        }

        return new SymmetricSecurityKey(Decode(File.ReadAllText(path).Trim()));
    }

    private static byte[] Decode(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new OptionsValidationException(DirectLineOptions.Section, typeof(DirectLineOptions), ["DirectLine:TokenSigningKey is not base64."]);
        }

        return bytes.Length >= MinimumBytes
            ? bytes
            : throw new OptionsValidationException(
                DirectLineOptions.Section, typeof(DirectLineOptions), [$"DirectLine:TokenSigningKey must hold at least {MinimumBytes} bytes."]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated the Direct Line token signing key in {Path}; set DirectLine:TokenSigningKey to share one between instances")]
    private static partial void LogKeyCreated(ILogger logger, string path);
}
