using CrmBot.Language;
using Microsoft.Recognizers.Text;

namespace CrmBot.Understanding;

/// <summary>
/// The entities of one utterance while the extractors find them. Each extractor claims the characters of what it
/// found; later extractors see those characters blanked out (<see cref="Unclaimed"/>), so a phone number is not
/// also read as a date and the digits of SO-10042 not as a quantity.
/// </summary>
internal sealed class EntityDraft
{
    private readonly char[] _unclaimed;
    private readonly bool[] _claimed;
    private readonly List<RecognizedEntity> _entities = [];

    public EntityDraft(string text, string culture, DateTime localNow, TimeZoneInfo timeZone, string defaultRegion, string defaultCurrency)
    {
        Text = text;
        Culture = culture;
        LocalNow = localNow;
        TimeZone = timeZone;
        DefaultRegion = defaultRegion;
        DefaultCurrency = defaultCurrency;
        _unclaimed = text.ToCharArray();
        _claimed = new bool[text.Length];
    }

    public string Text { get; }

    /// <summary>The Microsoft.Recognizers.Text culture code (en-us, zh-cn).</summary>
    public string Culture { get; }

    public bool IsChinese => RecognizerCulture.IsChinese(Culture);

    /// <summary>Now, as the user's wall clock shows it.</summary>
    public DateTime LocalNow { get; }

    public TimeZoneInfo TimeZone { get; }

    public string DefaultRegion { get; }

    public string DefaultCurrency { get; }

    /// <summary>The text with every claimed character replaced by a space (positions unchanged).</summary>
    public string Unclaimed => new(_unclaimed);

    /// <summary>Numbers in the unclaimed text, read once by the money extractor and reused for quantities.</summary>
    public IReadOnlyList<ModelResult>? Numbers { get; set; }

    public IReadOnlyList<RecognizedEntity> Entities => _entities;

    public bool IsFree(int position, int length)
    {
        if (position < 0 || length <= 0 || position + length > _unclaimed.Length)
        {
            return false;
        }

        return Array.IndexOf(_claimed, true, position, length) < 0;
    }

    /// <summary>Adds the entity when none found earlier overlaps it.</summary>
    public bool TryAdd(RecognizedEntity entity)
    {
        if (!IsFree(entity.Position, entity.Text.Length))
        {
            return false;
        }

        Array.Fill(_unclaimed, ' ', entity.Position, entity.Text.Length);
        Array.Fill(_claimed, true, entity.Position, entity.Text.Length);
        _entities.Add(entity);
        return true;
    }

    /// <summary>The text of a recogniser's result as written (recognisers lower-case it), or null when its span is claimed or out of range.</summary>
    public string? FreeSpan(ModelResult result)
    {
        var length = result.End - result.Start + 1;
        return IsFree(result.Start, length) ? Text.Substring(result.Start, length) : null;
    }
}
