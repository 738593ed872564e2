using CrmBot.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmBot.Domain.Persistence;

/// <summary>Stores a decimal as a 64-bit integer of ten-thousandths (<see cref="Money.MaxDecimals"/>).</summary>
public sealed class ScaledDecimalConverter() : ValueConverter<decimal, long>(
    value => (long)(value * Scale),
    stored => stored / Scale)
{
    private const decimal Scale = 10_000m;
}
