using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Events;
using CrmBot.Domain.Insights;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Privacy;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Products;
using CrmBot.Domain.Reminders;
using CrmBot.Domain.SalesReps;
using CrmBot.Domain.WebChat;
using CrmBot.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Persistence;

/// <summary>
/// The domain's database. Each provider has its own subclass (<see cref="SqliteCrmDbContext"/>,
/// <see cref="PostgreSqlCrmDbContext"/>) so that each keeps its own migrations; services ask for this type.
/// Every save also writes the domain events of the aggregates it tracks to <see cref="DomainEvents"/>, in the same
/// transaction (an override rather than an interceptor: it holds for every context, also those built outside DI).
/// </summary>
public abstract class CrmDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<SalesRep> SalesReps => Set<SalesRep>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<StoredState> StoredStates => Set<StoredState>();

    public DbSet<DirectLineConversation> DirectLineConversations => Set<DirectLineConversation>();

    public DbSet<DirectLineActivity> DirectLineActivities => Set<DirectLineActivity>();

    public DbSet<ProcessedActivity> ProcessedActivities => Set<ProcessedActivity>();

    public DbSet<ConversationReferenceRecord> ConversationReferences => Set<ConversationReferenceRecord>();

    public DbSet<ProactiveDelivery> ProactiveDeliveries => Set<ProactiveDelivery>();

    public DbSet<PrivacyAuditEntry> PrivacyAudit => Set<PrivacyAuditEntry>();

    /// <summary>The outbox: domain events written with the changes that raised them (<see cref="DomainEventOutbox"/> reads it).</summary>
    public DbSet<StoredDomainEvent> DomainEvents => Set<StoredDomainEvent>();

    public DbSet<CustomerTag> CustomerTags => Set<CustomerTag>();

    /// <summary>Each customer's latest purchase likelihood, written by the scoring run.</summary>
    public DbSet<CustomerScoreRecord> CustomerScores => Set<CustomerScoreRecord>();

    /// <summary>The workflows' run log, one row per (workflow, trigger occurrence).</summary>
    public DbSet<WorkflowRun> WorkflowRuns => Set<WorkflowRun>();

    /// <summary>Pauses and resumes of workflows by reps: the audit trail and the current state.</summary>
    public DbSet<WorkflowSwitch> WorkflowSwitches => Set<WorkflowSwitch>();

    internal DbSet<Sequence> Sequences => Set<Sequence>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var aggregates = DomainEventStaging.Stage(this);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        DomainEventStaging.Clear(aggregates);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var aggregates = DomainEventStaging.Stage(this);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        DomainEventStaging.Clear(aggregates);
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);

        // Ids are assigned in the constructors. Saying so lets EF insert a payment or history line
        // added to a tracked order, instead of taking its set key for an existing row to update.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(Entity).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(Entity.Id)).ValueGeneratedNever();
            if (typeof(IHasDomainEvents).IsAssignableFrom(entity.ClrType))
            {
                modelBuilder.Entity(entity.ClrType).Ignore(nameof(IHasDomainEvents.DomainEvents));
            }
        }

        if (Database.IsNpgsql())
        {
            // Customer search finds prefixes by range (from "zha" up to "zha" + char.MaxValue), which needs byte order,
            // as in SQLite, not the order of the server's locale.
            modelBuilder.Entity<Customer>(customer =>
            {
                customer.Property(c => c.SearchName).UseCollation("C");
                customer.Property(c => c.Email).UseCollation("C");
                customer.Property(c => c.Phone).UseCollation("C");
                customer.Property(c => c.PhoneNational).UseCollation("C");
            });
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);

        if (Database.IsSqlite())
        {
            // SQLite has no decimal or date-time-offset type: EF would store TEXT, which sorts and sums
            // wrongly. Scaled integers and UTC ticks keep ORDER BY, SUM and comparisons in SQL correct.
            configurationBuilder.Properties<decimal>().HaveConversion<ScaledDecimalConverter>();
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
        else if (Database.IsNpgsql())
        {
            // timestamptz takes only UTC offsets from Npgsql; imported and typed times carry the shop's (+08:00).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
        }
    }
}
