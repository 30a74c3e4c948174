using LaiChau.CchcDashboard.Data.Conversions;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LaiChau.CchcDashboard.Data;

public sealed class CchcDbContext(DbContextOptions<CchcDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring, shared by every instance of the app (cookies, antiforgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
    public DbSet<EmailOutboxEntry> EmailOutbox => Set<EmailOutboxEntry>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<SignedCopy> SignedCopies => Set<SignedCopy>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(StoredTextInterceptor.Instance, DatabaseFileGuard.Instance);
        // One model, one migrations set per provider (Data/Migrations/Sqlite, Data/Migrations/Postgres).
        optionsBuilder.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CchcDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset values; store them as sortable integers there,
        // normalised to UTC so that SQL comparisons match .NET's. PostgreSQL keeps its native
        // timestamptz, which Npgsql writes only in UTC: the value is normalised the same way.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetToBinaryConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    /// <summary>
    /// Saves the changes and their audit entries as one unit: both are written, or neither. An entry
    /// whose entity gets its key from this very save (<see cref="AuditEntry.Subject"/>) is written
    /// right after it inside one transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        var waiting = SetAuditKeysOrHoldBack();
        if (waiting.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AddHeldBack(waiting);
            count += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
            return count;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        var waiting = SetAuditKeysOrHoldBack();
        if (waiting.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        using var owned = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var count = base.SaveChanges(acceptAllChangesOnSuccess);
        AddHeldBack(waiting);
        count += base.SaveChanges(acceptAllChangesOnSuccess);
        owned?.Commit();
        return count;
    }

    // Entries about rows that already have their key get it now; entries about rows the database is
    // about to number are held back until the first write has numbered them.
    private List<AuditEntry> SetAuditKeysOrHoldBack()
    {
        var waiting = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.Subject is not null).ToList())
        {
            var subject = Entry(entry.Entity.Subject!);
            if (subject.Properties.Any(p => p.Metadata.IsPrimaryKey() && p.IsTemporary))
            {
                waiting.Add(entry.Entity);
                entry.State = EntityState.Detached;
            }
            else
            {
                entry.Entity.EntityId = KeyOf(subject);
            }
        }
        return waiting;
    }

    private void AddHeldBack(List<AuditEntry> waiting)
    {
        foreach (var audit in waiting)
        {
            audit.EntityId = KeyOf(Entry(audit.Subject!));
            AuditLog.Add(audit);
        }
    }

    private static string KeyOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        string.Join(",", entry.Properties.Where(p => p.Metadata.IsPrimaryKey())
            .Select(p => Convert.ToString(p.CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

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
