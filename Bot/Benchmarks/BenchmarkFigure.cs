namespace CrmBot.Benchmarks;

/// <summary>One measured value, e.g. ("p99 latency at 8 connections", 12.5, "ms").</summary>
public sealed record BenchmarkFigure(string Name, double Value, string Unit);
