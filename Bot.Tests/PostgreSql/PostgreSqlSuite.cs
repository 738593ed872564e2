using CrmBot.Domain.Persistence;
using CrmBot.Tests.Analytics;
using CrmBot.Tests.Api;
using CrmBot.Tests.Conversations;
using CrmBot.Tests.DirectLine;
using CrmBot.Tests.Http;
using CrmBot.Tests.Insights;
using CrmBot.Tests.Security;
using CrmBot.Tests.Domain;
using CrmBot.Tests.Privacy;
using CrmBot.Tests.State;
using CrmBot.Tests.Workflows;
using CrmBot.Tests.Workflows.Engine;

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

/// <summary>DatabaseConversationStateTests on PostgreSQL.</summary>
public sealed class PostgreSqlDatabaseConversationStateTests : DatabaseConversationStateTests
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

/// <summary>BrowseProductsDialogTests on PostgreSQL.</summary>
public sealed class PostgreSqlBrowseProductsDialogTests : BrowseProductsDialogTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>CancelOwnOrderDialogTests on PostgreSQL.</summary>
public sealed class PostgreSqlCancelOwnOrderDialogTests : CancelOwnOrderDialogTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>CustomerServiceDialogsTests on PostgreSQL.</summary>
public sealed class PostgreSqlCustomerServiceDialogsTests : CustomerServiceDialogsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>FindCustomerDialogTests on PostgreSQL.</summary>
public sealed class PostgreSqlFindCustomerDialogTests : FindCustomerDialogTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>ChineseConversationTests on PostgreSQL.</summary>
public sealed class PostgreSqlChineseConversationTests : ChineseConversationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>LogInteractionDialogTests on PostgreSQL.</summary>
public sealed class PostgreSqlLogInteractionDialogTests : LogInteractionDialogTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>PlaceOrderDialogTests on PostgreSQL.</summary>
public sealed class PostgreSqlPlaceOrderDialogTests : PlaceOrderDialogTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>ProcessOrderDialogTests on PostgreSQL.</summary>
public sealed class PostgreSqlProcessOrderDialogTests : ProcessOrderDialogTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>RemindersDialogTests on PostgreSQL.</summary>
public sealed class PostgreSqlRemindersDialogTests : RemindersDialogTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>TrackOrderDialogTests on PostgreSQL.</summary>
public sealed class PostgreSqlTrackOrderDialogTests : TrackOrderDialogTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The REST API's test app on a PostgreSQL database of its own.</summary>
public sealed class PostgreSqlApiApplication : ApiApplication
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>OrdersApiTests on PostgreSQL.</summary>
public sealed class PostgreSqlOrdersApiTests(PostgreSqlApiApplication app) : OrdersApiTests(app), IClassFixture<PostgreSqlApiApplication>;

/// <summary>IdempotentOrderTests on PostgreSQL.</summary>
public sealed class PostgreSqlIdempotentOrderTests(PostgreSqlApiApplication app) : IdempotentOrderTests(app), IClassFixture<PostgreSqlApiApplication>;

/// <summary>OrderETagTests on PostgreSQL.</summary>
public sealed class PostgreSqlOrderETagTests(PostgreSqlApiApplication app) : OrderETagTests(app), IClassFixture<PostgreSqlApiApplication>;

/// <summary>CustomersApiTests on PostgreSQL.</summary>
public sealed class PostgreSqlCustomersApiTests(PostgreSqlApiApplication app) : CustomersApiTests(app), IClassFixture<PostgreSqlApiApplication>;

/// <summary>CustomerPrivacyApiTests on PostgreSQL.</summary>
public sealed class PostgreSqlCustomerPrivacyApiTests(PostgreSqlApiApplication app) : CustomerPrivacyApiTests(app), IClassFixture<PostgreSqlApiApplication>;

/// <summary>CustomerRecordsApiTests on PostgreSQL.</summary>
public sealed class PostgreSqlCustomerRecordsApiTests(PostgreSqlApiApplication app) : CustomerRecordsApiTests(app), IClassFixture<PostgreSqlApiApplication>;

/// <summary>ProductsApiTests on PostgreSQL.</summary>
public sealed class PostgreSqlProductsApiTests(PostgreSqlApiApplication app) : ProductsApiTests(app), IClassFixture<PostgreSqlApiApplication>;

/// <summary>The Direct Line test app on a PostgreSQL database of its own.</summary>
public sealed class PostgreSqlDirectLineApplication : DirectLineApplication
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>DirectLineProtocolTests on PostgreSQL.</summary>
public sealed class PostgreSqlDirectLineProtocolTests(PostgreSqlDirectLineApplication app) : DirectLineProtocolTests(app), IClassFixture<PostgreSqlDirectLineApplication>;

/// <summary>DirectLineSecurityTests on PostgreSQL.</summary>
public sealed class PostgreSqlDirectLineSecurityTests(PostgreSqlDirectLineApplication app) : DirectLineSecurityTests(app), IClassFixture<PostgreSqlDirectLineApplication>;

/// <summary>The bare test app on a PostgreSQL database of its own.</summary>
public sealed class PostgreSqlBotApplication : BotApplication
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>DirectLineFuzzTests on PostgreSQL, which refuses some text SQLite stores (NUL, broken surrogates).</summary>
public sealed class PostgreSqlDirectLineFuzzTests(PostgreSqlDirectLineApplication app) : DirectLineFuzzTests(app), IClassFixture<PostgreSqlDirectLineApplication>;

/// <summary>MessagesFuzzTests on PostgreSQL, which refuses some text SQLite stores (NUL, broken surrogates).</summary>
public sealed class PostgreSqlMessagesFuzzTests(PostgreSqlBotApplication app) : MessagesFuzzTests(app), IClassFixture<PostgreSqlBotApplication>;

/// <summary>DomainEventsTests on PostgreSQL.</summary>
public sealed class PostgreSqlDomainEventsTests : DomainEventsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>WorkflowsDialogTests on PostgreSQL.</summary>
public sealed class PostgreSqlWorkflowsDialogTests : WorkflowsDialogTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>WhyMessageDialogTests on PostgreSQL.</summary>
public sealed class PostgreSqlWhyMessageDialogTests : WhyMessageDialogTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>EventTriggerTests on PostgreSQL: one run per occurrence and one message also when two jobs race there.</summary>
public sealed class PostgreSqlEventTriggerTests : EventTriggerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>CustomerScoringTests on PostgreSQL.</summary>
public sealed class PostgreSqlCustomerScoringTests : CustomerScoringTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
