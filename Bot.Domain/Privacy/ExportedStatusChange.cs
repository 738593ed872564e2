using CrmBot.Domain.Orders;

namespace CrmBot.Domain.Privacy;

public sealed record ExportedStatusChange(int Step, DateTimeOffset At, string Actor, OrderStatus? From, OrderStatus To, string? Note);
