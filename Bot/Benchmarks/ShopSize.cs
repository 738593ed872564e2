namespace CrmBot.Benchmarks;

/// <summary>How many customers, orders and interactions a benchmark's shop holds (or a growth added).</summary>
internal sealed record ShopSize(int Customers, int Orders, int Interactions);
