using Microsoft.Recognizers.Text.Sequence;

namespace CrmBot.Understanding;

/// <summary>Email addresses, by Microsoft.Recognizers.Text's sequence recogniser.</summary>
internal sealed class EmailExtractor : IEntityExtractor
{
    public void Extract(EntityDraft draft)
    {
        if (!draft.Unclaimed.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        foreach (var result in SequenceRecognizer.RecognizeEmail(draft.Unclaimed, draft.Culture))
        {
            if (draft.FreeSpan(result) is { } text)
            {
                draft.TryAdd(new EmailEntity { Text = text, Position = result.Start, Address = text });
            }
        }
    }
}
