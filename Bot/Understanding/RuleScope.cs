namespace CrmBot.Understanding;

/// <summary>Where an <see cref="IntentRule"/> looks.</summary>
internal enum RuleScope
{
    Anywhere,
    Statement,
    Whole,
}
