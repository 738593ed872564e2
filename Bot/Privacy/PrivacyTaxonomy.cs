using Microsoft.Extensions.Compliance.Classification;

namespace CrmBot.Privacy;

/// <summary>The data classes CrmBot's logs know: log parameters marked with one of them are redacted.</summary>
public static class PrivacyTaxonomy
{
    public static string TaxonomyName => "CrmBot";

    /// <summary>Anything that tells who a person is: a name, an email address, a phone number, free text they typed.</summary>
    public static DataClassification PersonalData => new(TaxonomyName, nameof(PersonalData));
}
