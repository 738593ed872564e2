using CrmBot.Domain.Customers;
using CrmBot.Domain.Insights;
using CrmBot.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBot.Domain.Persistence;

internal sealed class WorkflowRunConfiguration : IEntityTypeConfiguration<WorkflowRun>
{
    public void Configure(EntityTypeBuilder<WorkflowRun> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Workflow).HasMaxLength(WorkflowRun.WorkflowMaxLength);
        builder.Property(r => r.Trigger).HasMaxLength(WorkflowRun.TriggerMaxLength);
        builder.Property(r => r.Occurrence).HasMaxLength(WorkflowRun.OccurrenceMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);

        // An executor whose claim was taken over (it was stopped for longer than the claim timeout) must not save.
        builder.Property(r => r.Attempts).IsConcurrencyToken();

        // Once per (workflow, occurrence); executors read what is due; the log is read per customer and per workflow.
        builder.HasIndex(r => new { r.Workflow, r.Occurrence }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.DueAt });
        builder.HasIndex(r => new { r.CustomerId, r.TriggeredAt });
        builder.HasIndex(r => new { r.Workflow, r.CreatedAt });
    }
}

internal sealed class WorkflowSwitchConfiguration : IEntityTypeConfiguration<WorkflowSwitch>
{
    public void Configure(EntityTypeBuilder<WorkflowSwitch> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.Workflow).HasMaxLength(WorkflowRun.WorkflowMaxLength);
        builder.HasIndex(s => new { s.Workflow, s.Id });
    }
}

internal sealed class CustomerTagConfiguration : IEntityTypeConfiguration<CustomerTag>
{
    public void Configure(EntityTypeBuilder<CustomerTag> builder)
    {
        builder.ToTable("CustomerTags");
        builder.HasKey(t => new { t.CustomerId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(CustomerTag.MaxLength);
        builder.HasIndex(t => t.Tag);
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerScoreRecordConfiguration : IEntityTypeConfiguration<CustomerScoreRecord>
{
    public void Configure(EntityTypeBuilder<CustomerScoreRecord> builder)
    {
        builder.ToTable("CustomerScores");
        builder.HasKey(s => s.CustomerId);
        builder.Property(s => s.ModelVersion).HasMaxLength(100);
        builder.HasIndex(s => s.ScoredAt);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
