using Microsoft.Extensions.Compliance.Redaction;

namespace CrmBot.Privacy;

/// <summary>The redactor of <see cref="PrivacyTaxonomy.PersonalData"/>: see <see cref="PersonalDataMask.MaskWhole"/>.</summary>
public sealed class PersonalDataRedactor : Redactor
{
    public override int GetRedactedLength(ReadOnlySpan<char> input) => PersonalDataMask.MaskWhole(input.ToString()).Length;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        var masked = PersonalDataMask.MaskWhole(source.ToString());
        masked.AsSpan().CopyTo(destination);
        return masked.Length;
    }
}
