using System.Text.Json;
using System.Text.Json.Serialization;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;

namespace CrmBot.Domain.Events;

/// <summary>The events the outbox stores, by the name their rows carry, and their JSON.</summary>
internal static class DomainEventTypes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Dictionary<string, Type> ByName = new(StringComparer.Ordinal)
    {
        [nameof(OrderStatusChanged)] = typeof(OrderStatusChanged),
        [nameof(CustomerCreated)] = typeof(CustomerCreated),
        [nameof(InteractionLogged)] = typeof(InteractionLogged),
    };

    private static readonly Dictionary<Type, string> Names = ByName.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static string NameOf(IDomainEvent domainEvent) =>
        Names.TryGetValue(domainEvent.GetType(), out var name)
            ? name
            : throw new InvalidOperationException($"{domainEvent.GetType().Name} is not a stored domain event; add it to {nameof(DomainEventTypes)}.");

    public static string Serialize(IDomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json);

    public static IDomainEvent Deserialize(string name, string payload) =>
        ByName.TryGetValue(name, out var type)
            ? (IDomainEvent)(JsonSerializer.Deserialize(payload, type, Json) ?? throw new JsonException($"A stored {name} is empty."))
            : throw new InvalidOperationException($"'{name}' is not a domain event this version of CrmBot knows.");
}
