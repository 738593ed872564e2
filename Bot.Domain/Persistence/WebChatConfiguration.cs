using CrmBot.Domain.Customers;
using CrmBot.Domain.SalesReps;
using CrmBot.Domain.WebChat;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBot.Domain.Persistence;

internal sealed class DirectLineConversationConfiguration : IEntityTypeConfiguration<DirectLineConversation>
{
    public void Configure(EntityTypeBuilder<DirectLineConversation> builder)
    {
        builder.Property(c => c.Id).HasMaxLength(DirectLineConversation.IdMaxLength);
        builder.Property(c => c.UserId).HasMaxLength(DirectLineConversation.UserIdMaxLength);
        builder.Property(c => c.UserName).HasMaxLength(DirectLineConversation.UserNameMaxLength);
        builder.HasIndex(c => c.CreatedAt);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SalesRep>().WithMany().HasForeignKey(c => c.RepId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectLineActivityConfiguration : IEntityTypeConfiguration<DirectLineActivity>
{
    public void Configure(EntityTypeBuilder<DirectLineActivity> builder)
    {
        builder.HasKey(a => a.Sequence);
        builder.Property(a => a.Sequence).ValueGeneratedOnAdd();
        builder.Property(a => a.ConversationId).HasMaxLength(DirectLineConversation.IdMaxLength);
        builder.HasIndex(a => new { a.ConversationId, a.Sequence });
        builder.HasOne<DirectLineConversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProcessedActivityConfiguration : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> builder)
    {
        builder.HasKey(a => new { a.ChannelId, a.ConversationId, a.ActivityId });
        builder.Property(a => a.ChannelId).HasMaxLength(ProcessedActivity.ChannelIdMaxLength);
        builder.Property(a => a.ConversationId).HasMaxLength(ProcessedActivity.ConversationIdMaxLength);
        builder.Property(a => a.ActivityId).HasMaxLength(ProcessedActivity.ActivityIdMaxLength);
        builder.HasIndex(a => a.At);
    }
}
