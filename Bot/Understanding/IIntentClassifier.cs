namespace CrmBot.Understanding;

/// <summary>
/// Scores the intents of an utterance. The recogniser asks every registered classifier and keeps, for each intent,
/// the highest score any of them gave: the keyword rules (<see cref="RuleIntentClassifier"/>) decide where they are
/// certain, and a trained classifier can be registered beside them for the phrasings no rule foresees.
/// </summary>
public interface IIntentClassifier
{
    /// <summary>The intents this classifier sees in the utterance, with scores from 0 to 1; omitted ones score 0.</summary>
    IEnumerable<IntentScore> Classify(Utterance utterance);
}
