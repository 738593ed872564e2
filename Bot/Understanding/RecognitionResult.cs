namespace CrmBot.Understanding;

/// <summary>
/// What the recogniser made of one utterance. <see cref="Text"/> is the text as recognised: control characters
/// removed, full-width letters and digits narrowed, cut to <see cref="UtteranceRecognizer.MaxLength"/> characters
/// (<see cref="Truncated"/> then says so). Entity positions index into <see cref="Text"/>.
/// </summary>
public sealed record RecognitionResult
{
    public required string Text { get; init; }

    /// <summary>The culture the entities were read in: en-US or zh-CN.</summary>
    public required string Culture { get; init; }

    public required Intent Intent { get; init; }

    /// <summary>Confidence in <see cref="Intent"/>, 0 to 1; <see cref="Intent.None"/> always comes with less than 0.5.</summary>
    public required double Score { get; init; }

    /// <summary>The intents that came close, best first: what to offer as suggested actions when the intent is None.</summary>
    public IReadOnlyList<IntentScore> Intents { get; init; } = [];

    public IReadOnlyList<RecognizedEntity> Entities { get; init; } = [];

    /// <summary>True when the input was longer than the recogniser reads; only its beginning was recognised.</summary>
    public bool Truncated { get; init; }

    /// <summary>Length of the input as given, before cleaning and truncation.</summary>
    public int OriginalLength { get; init; }

    /// <summary>The first entity of a kind, e.g. <c>result.Entity&lt;OrderNumberEntity&gt;()?.Number</c>.</summary>
    public T? Entity<T>()
        where T : RecognizedEntity => Entities.OfType<T>().FirstOrDefault();

    public IEnumerable<T> EntitiesOf<T>()
        where T : RecognizedEntity => Entities.OfType<T>();
}
