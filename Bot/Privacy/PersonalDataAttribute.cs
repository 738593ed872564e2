using Microsoft.Extensions.Compliance.Classification;

namespace CrmBot.Privacy;

/// <summary>Marks a [LoggerMessage] parameter as personal data: with redaction on, logs get it masked (<see cref="PersonalDataRedactor"/>).</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalDataAttribute() : DataClassificationAttribute(PrivacyTaxonomy.PersonalData);
