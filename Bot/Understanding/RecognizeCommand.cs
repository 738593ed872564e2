using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace CrmBot.Understanding;

/// <summary>
/// <c>recognize "text" [--culture zh-CN]</c> or <c>recognize --file lines.txt</c>: what the recogniser makes of
/// each utterance, as JSON, for people who tune the rules.
/// </summary>
internal static class RecognizeCommand
{
    public static Command Create(TimeProvider timeProvider)
    {
        var text = new Argument<string[]>("text")
        {
            Description = "The utterance (several words need no quotes).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var culture = new Option<string>("--culture", "-c")
        {
            Description = "The language to read in: en-US or zh-CN (en, en-GB ... read as English; zh, zh-Hans ... as Chinese).",
            HelpName = "culture",
            DefaultValueFactory = _ => "en-US",
        };
        var file = new Option<FileInfo>("--file", "-f")
        {
            Description = "A UTF-8 file with one utterance per line (blank lines skipped), or - for standard input; prints one JSON object per line.",
            HelpName = "path",
        };
        var timeZone = new Option<string>("--time-zone")
        {
            Description = "The user's time zone for dates, e.g. Europe/London (default: the shop's default zone, Asia/Shanghai).",
            HelpName = "zone",
        };

        var command = new Command(
            "recognize",
            "Prints what the bot understands in a text: the intent with its score, the close runners-up and the entities " +
            "(order numbers, emails, phones, amounts, quantities, dates, names, carriers, tracking numbers), as JSON.")
        {
            text, culture, file, timeZone,
        };
        command.Validators.Add(result =>
        {
            var hasText = result.GetValue(text) is { Length: > 0 };
            var hasFile = result.GetValue(file) is not null;
            if (!hasText && !hasFile)
            {
                result.AddError("Give the text to recognise, or --file <path>.");
            }
            else if (hasText && hasFile)
            {
                result.AddError("Give a text or --file <path>, not both.");
            }

            if (result.GetValue(timeZone) is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                result.AddError($"Unknown time zone '{zone}'; use an IANA name such as Asia/Shanghai.");
            }
        });

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var recognizer = UtteranceRecognizer.Create(timeProvider);
            var context = new RecognitionContext
            {
                Locale = parseResult.GetValue(culture),
                TimeZone = parseResult.GetValue(timeZone) is { } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : null,
            };

            if (parseResult.GetValue(file) is not { } lines)
            {
                var result = recognizer.Recognize(string.Join(' ', parseResult.GetValue(text) ?? []), context);
                await output.WriteLineAsync(JsonSerializer.Serialize(result, RecognitionJson.Indented));
                return 0;
            }

            if (lines.Name != "-" && !lines.Exists)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"File not found: {lines.FullName}");
                return 1;
            }

            using var reader = lines.Name == "-"
                ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8)
                : new StreamReader(lines.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(recognizer.Recognize(line, context), RecognitionJson.Compact));
                }
            }

            return 0;
        });
        return command;
    }
}
