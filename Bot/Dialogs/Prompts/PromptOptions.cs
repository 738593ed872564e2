using Microsoft.Bot.Schema;

namespace CrmBot.Dialogs;

/// <summary>What a prompt asks and how. Stored with the prompt between turns, so it holds plain data only.</summary>
public sealed class PromptOptions
{
    private readonly Choice[]? _choices;

    /// <summary>The question.</summary>
    public Activity? Prompt { get; init; }

    /// <summary>Asked after an answer the prompt could not accept; by default a short hint and the question again.</summary>
    public Activity? RetryPrompt { get; init; }

    /// <summary>The answer to "help" while this prompt waits; without it the user gets general help.</summary>
    public Activity? Help { get; init; }

    /// <summary>The options of a <see cref="ChoicePrompt"/>, kept as an array (see <see cref="Choice.Synonyms"/>).</summary>
    public IReadOnlyList<Choice>? Choices { get => _choices; init => _choices = value is null ? null : [.. value]; }

    /// <summary>Anything a validator needs; after a turn in storage it may come back as a JObject.</summary>
    public object? Validations { get; init; }

    /// <summary>
    /// How many answers the prompt takes before it gives up and ends with <see cref="TooManyAttempts"/>; 0 for no
    /// limit.
    /// </summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The user's IANA time zone ("Asia/Shanghai"), in which a <see cref="DateTimePrompt"/> reads dates.</summary>
    public string? TimeZone { get; init; }

    /// <summary>A copy with other question, retry and help activities (the same language's, another's).</summary>
    internal PromptOptions WithTexts(Activity? prompt, Activity? retryPrompt, Activity? help) => new()
    {
        Prompt = prompt,
        RetryPrompt = retryPrompt,
        Help = help,
        Choices = Choices,
        Validations = Validations,
        MaxAttempts = MaxAttempts,
        TimeZone = TimeZone,
    };
}
