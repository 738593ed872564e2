using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.DemoData;
using CrmBot.Domain.Events;
using CrmBot.Domain.Import;
using CrmBot.Domain.Insights;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Privacy;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Products;
using CrmBot.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// The domain layer: the database (options bound by the host from <see cref="DatabaseOptions"/>) and
    /// the services that dialogs and the API use.
    /// </summary>
    public static IServiceCollection AddCrmDomain(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>();
        services.AddOptions<CrmOptions>();
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<SqliteWriteQueue>();
        // A pooled factory for singletons (bot state storage, jobs) and a context per scope for the services.
        services.AddPooledDbContextFactory<SqliteCrmDbContext>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveConnectionString())
            .AddInterceptors(provider.GetRequiredService<SqlitePragmas>(), provider.GetRequiredService<SqliteWriteQueue>())
            .LogCommandErrorsAsInformation());
        services.AddPooledDbContextFactory<PostgreSqlCrmDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveConnectionString())
            .LogCommandErrorsAsInformation());
        services.AddSingleton<IDbContextFactory<CrmDbContext>, CrmDbContextFactory>();
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext());
        services.AddScoped<CustomerSearch>();
        services.AddScoped<CustomerService>();
        services.AddScoped<CustomerProfileQuery>();
        services.AddScoped<InteractionService>();
        services.AddScoped<ReminderService>();
        services.AddScoped<OrderService>();
        services.AddScoped<CustomerOrders>();
        services.AddScoped<OrderSearch>();
        services.AddScoped<OrderTimelineQuery>();
        services.AddScoped<ProductCatalog>();
        services.AddScoped<CrmDatabase>();
        services.AddScoped<DemoShop>();
        services.AddScoped<ShopImport>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<PrivacyAudit>();
        services.AddScoped<CustomerDataExport>();
        services.AddScoped<DomainEventOutbox>();
        services.AddScoped<CustomerErasure>();
        services.AddOptions<PurchaseModelOptions>();
        services.AddSingleton<PurchasePredictor>();
        services.AddSingleton<CustomerScoring>();
        services.AddSingleton<PurchaseModelService>();
        services.AddSingleton<CallPlanService>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
