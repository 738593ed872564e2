using CrmBot.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBot.Domain.Persistence;

internal static class MoneyMapping
{
    /// <summary>Maps a <see cref="Money"/> as two columns, e.g. TotalAmount and TotalCurrency.</summary>
    public static void MapMoney(this ComplexPropertyBuilder<Money> money, string prefix)
    {
        money.Property(m => m.Amount).HasColumnName(prefix + "Amount");
        money.Property(m => m.Currency).HasColumnName(prefix + "Currency").HasMaxLength(3).IsFixedLength();
    }
}
