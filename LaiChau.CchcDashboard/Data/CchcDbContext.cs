using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LaiChau.CchcDashboard.Data;

public sealed class CchcDbContext(DbContextOptions<CchcDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanSection> PlanSections => Set<PlanSection>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<PlanActivity> Activities => Set<PlanActivity>();
    public DbSet<ActivityProgressUpdate> ActivityUpdates => Set<ActivityProgressUpdate>();
    public DbSet<ReportingPeriod> Periods => Set<ReportingPeriod>();
    public DbSet<UnitReport> Reports => Set<UnitReport>();
    public DbSet<ReportDocument> ReportDocuments => Set<ReportDocument>();
    public DbSet<ReportTransition> ReportTransitions => Set<ReportTransition>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<SignedCopy> SignedCopies => Set<SignedCopy>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CchcDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset values; store them as sortable integers there.
        // Other providers (PostgreSQL later) keep their native timestamp type.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    // Every entity with an integer "Version" concurrency token gets it bumped on update, so a
    // second writer holding the old value is refused with DbUpdateConcurrencyException.
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified)
            {
                continue;
            }
            var version = entry.Metadata.FindProperty("Version");
            if (version is { IsConcurrencyToken: true } && version.ClrType == typeof(int))
            {
                var property = entry.Property("Version");
                property.CurrentValue = (int)property.OriginalValue! + 1;
            }
        }
    }
}
