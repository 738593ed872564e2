using System.Text.Json;

namespace CrmBot.Domain.Privacy;

/// <summary>One message (or other activity) of a web chat transcript, as the Bot Framework JSON it is stored as.</summary>
public sealed record ExportedWebChatActivity(long Sequence, DateTimeOffset At, JsonElement? Activity);
