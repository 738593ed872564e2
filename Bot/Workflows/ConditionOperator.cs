namespace CrmBot.Workflows;

/// <summary>How a condition compares its field; the property name beside "field" in the workflows file.</summary>
public enum ConditionOperator
{
    Equals,
    NotEquals,
    AtLeast,
    AtMost,
    In,

    /// <summary>The field (customer.tags) holds the value.</summary>
    Contains,
}
