using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;

namespace CrmBot.Workflows.Engine;

/// <summary>What a run is about, as its conditions test it and its messages name it: the customer, and the order for order triggers.</summary>
public sealed record WorkflowSubject(CustomerFacts Customer, OrderFacts? Order);

/// <summary>A customer as the workflows see them.</summary>
public sealed record CustomerFacts(
    Guid Id,
    string Name,
    string? Country,
    string TimeZone,
    string Language,
    bool Consent,
    Guid? RepId,
    string? RepName,
    string? RepEmail,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastOrderAt,
    DateTimeOffset? LastContactAt,
    bool Erased)
{
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The stored purchase likelihood of the latest scoring run (0-1); null before the customer was scored.</summary>
    public double? Likelihood { get; init; }

    /// <summary>The likelihood of the scoring run before the latest; null when the latest scored them first.</summary>
    public double? PreviousLikelihood { get; init; }

    public DateTimeOffset? ScoredAt { get; init; }

    /// <summary>The last interaction with the customer, or when they became one when nobody has been in touch yet.</summary>
    public DateTimeOffset LastContactOrCreated => LastContactAt ?? CreatedAt;
}

/// <summary>An order as the workflows see it, with its latest shipment.</summary>
public sealed record OrderFacts(Guid Id, string Number, Money Total, OrderStatus Status, string? Carrier, string? TrackingNumber);
