using CrmBot.Domain.Persistence;
using CrmBot.Tests.Analytics;
using CrmBot.Tests.Domain;
using CrmBot.Tests.Privacy;
using CrmBot.Tests.State;

namespace CrmBot.Tests.PostgreSql;

/// <summary>IdempotencyTests on PostgreSQL.</summary>
public sealed class PostgreSqlIdempotencyTests : IdempotencyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>ConcurrencyTests on PostgreSQL.</summary>
public sealed class PostgreSqlConcurrencyTests : ConcurrencyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>CustomerSearchTests on PostgreSQL.</summary>
public sealed class PostgreSqlCustomerSearchTests : CustomerSearchTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>CustomerOrdersTests on PostgreSQL.</summary>
public sealed class PostgreSqlCustomerOrdersTests : CustomerOrdersTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>PersistenceRoundTripTests on PostgreSQL.</summary>
public sealed class PostgreSqlPersistenceRoundTripTests : PersistenceRoundTripTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>DeliveryLedgerTests on PostgreSQL.</summary>
public sealed class PostgreSqlDeliveryLedgerTests : DeliveryLedgerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>OrderRulesTests on PostgreSQL.</summary>
public sealed class PostgreSqlOrderRulesTests : OrderRulesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>DatabaseStorageTests on PostgreSQL.</summary>
public sealed class PostgreSqlDatabaseStorageTests : DatabaseStorageTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>OrderAnalyticsTests on PostgreSQL.</summary>
public sealed class PostgreSqlOrderAnalyticsTests : OrderAnalyticsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>CustomerAnalyticsTests on PostgreSQL.</summary>
public sealed class PostgreSqlCustomerAnalyticsTests : CustomerAnalyticsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>CustomerErasureTests on PostgreSQL.</summary>
public sealed class PostgreSqlCustomerErasureTests : CustomerErasureTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>CustomerDataExportTests on PostgreSQL.</summary>
public sealed class PostgreSqlCustomerDataExportTests : CustomerDataExportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
