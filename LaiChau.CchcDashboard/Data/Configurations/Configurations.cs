using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LaiChau.CchcDashboard.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.Property(p => p.Number).HasMaxLength(50);
        builder.Property(p => p.Title).HasMaxLength(500);
        builder.Property(p => p.ParentBody).HasMaxLength(200);
        builder.Property(p => p.IssuingBody).HasMaxLength(200);
        builder.Property(p => p.Place).HasMaxLength(100);
        builder.Property(p => p.SignerCapacity).HasMaxLength(100);
        builder.Property(p => p.SignerTitle).HasMaxLength(100);
        builder.Property(p => p.SignerName).HasMaxLength(100);
        builder.Property(p => p.SeedKey).HasMaxLength(100);
        builder.HasIndex(p => p.SeedKey).IsUnique();
        builder.HasMany(p => p.Sections).WithOne(s => s.Plan).HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Activities).WithOne(a => a.Plan).HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Periods).WithOne(r => r.Plan).HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> builder)
    {
        builder.Property(s => s.Heading).HasMaxLength(300);
        builder.HasIndex(s => new { s.PlanId, s.Order });
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Code).HasMaxLength(30);
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.ContactName).HasMaxLength(100);
        builder.Property(u => u.Phone).HasMaxLength(30);
        builder.Property(u => u.Email).HasMaxLength(200);
        builder.Property(u => u.Version).IsConcurrencyToken();
    }
}

internal sealed class PlanActivityConfiguration : IEntityTypeConfiguration<PlanActivity>
{
    public void Configure(EntityTypeBuilder<PlanActivity> builder)
    {
        builder.Property(a => a.LeadLabel).HasMaxLength(300);
        builder.Property(a => a.CoordinationLabel).HasMaxLength(300);
        builder.Property(a => a.TimingLabel).HasMaxLength(50);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.LeadUnit).WithMany().HasForeignKey(a => a.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.CoordinatingUnits).WithMany().UsingEntity("ActivityCoordinatingUnit");
        builder.HasMany(a => a.Updates).WithOne(u => u.Activity).HasForeignKey(u => u.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.PlanId, a.Kind, a.Order });
    }
}

internal sealed class ActivityProgressUpdateConfiguration : IEntityTypeConfiguration<ActivityProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ActivityProgressUpdate> builder)
    {
        builder.Property(u => u.Description).HasMaxLength(4000);
        builder.Property(u => u.EvidenceUrl).HasMaxLength(500);
        builder.Property(u => u.AuthorName).HasMaxLength(200);
        builder.Property(u => u.UpdatedByName).HasMaxLength(200);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.ActivityId, u.Date });
    }
}

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.ConsolidatedNumber).HasMaxLength(50);
        builder.Property(p => p.ConsolidatedSignerName).HasMaxLength(100);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.PlanId, p.Kind }).IsUnique();
    }
}

internal sealed class UnitReportConfiguration : IEntityTypeConfiguration<UnitReport>
{
    public void Configure(EntityTypeBuilder<UnitReport> builder)
    {
        builder.HasIndex(r => new { r.PeriodId, r.UnitId }).IsUnique();
        builder.HasOne(r => r.Period).WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.DocumentNumber).HasMaxLength(50);
        builder.Property(r => r.SignerName).HasMaxLength(100);
        builder.Property(r => r.SignerTitle).HasMaxLength(100);
        builder.Property(r => r.ContentPropagated).HasMaxLength(8000);
        builder.Property(r => r.OtherForms).HasMaxLength(500);
        builder.Property(r => r.Results).HasMaxLength(8000);
        builder.Property(r => r.Strengths).HasMaxLength(4000);
        builder.Property(r => r.Limitations).HasMaxLength(4000);
        builder.Property(r => r.UpdatedBy).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.Documents).WithOne(d => d.Report).HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Transitions).WithOne(t => t.Report).HasForeignKey(t => t.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.SignedCopies).WithOne(c => c.Report).HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignedCopyConfiguration : IEntityTypeConfiguration<SignedCopy>
{
    public void Configure(EntityTypeBuilder<SignedCopy> builder)
    {
        builder.Property(c => c.OfficialNumber).HasMaxLength(50);
        builder.Property(c => c.ContentType).HasMaxLength(50);
        builder.Property(c => c.StorageKey).HasMaxLength(64);
        builder.Property(c => c.UploadedByName).HasMaxLength(200);
        builder.HasIndex(c => c.ReportId);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(64);
    }
}

internal sealed class ReportDocumentConfiguration : IEntityTypeConfiguration<ReportDocument>
{
    public void Configure(EntityTypeBuilder<ReportDocument> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(50);
        builder.Property(d => d.Summary).HasMaxLength(1000);
        builder.Property(d => d.Content).HasMaxLength(4000);
    }
}

internal sealed class ReportTransitionConfiguration : IEntityTypeConfiguration<ReportTransition>
{
    public void Configure(EntityTypeBuilder<ReportTransition> builder)
    {
        builder.Property(t => t.UserName).HasMaxLength(200);
        builder.Property(t => t.Comment).HasMaxLength(2000);
        builder.HasIndex(t => new { t.ReportId, t.At });
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(r => r.Step).HasMaxLength(40);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        // The exactly-once guarantee: a second insert for the same (unit, period, step) fails.
        builder.HasIndex(r => new { r.UnitId, r.PeriodId, r.Step }).IsUnique();
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Period).WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Deliveries).WithOne(d => d.Reminder).HasForeignKey(d => d.ReminderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.Property(d => d.Recipient).HasMaxLength(200);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasIndex(d => new { d.ReminderId, d.Channel, d.Recipient }).IsUnique();
    }
}

internal sealed class EmailOutboxConfiguration : IEntityTypeConfiguration<EmailOutboxEntry>
{
    public void Configure(EntityTypeBuilder<EmailOutboxEntry> builder)
    {
        builder.ToTable("EmailOutbox");
        builder.Property(e => e.MessageId).HasMaxLength(200);
        // One outbox row per delivery: a second insert for the same delivery is ignored.
        builder.HasIndex(e => e.DeliveryId).IsUnique();
        builder.HasIndex(e => e.NextAttemptAt);
        builder.HasOne(e => e.Delivery).WithMany().HasForeignKey(e => e.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(200);
        builder.HasIndex(h => h.Date).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserName).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.Ignore(a => a.Subject);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.SetNull);
    }
}
