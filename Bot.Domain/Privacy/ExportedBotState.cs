using System.Text.Json;

namespace CrmBot.Domain.Privacy;

/// <summary>The bot's memory of one of the customer's conversations (e.g. a half-finished order), by its state key.</summary>
public sealed record ExportedBotState(string Key, DateTimeOffset UpdatedAt, JsonElement? State);
